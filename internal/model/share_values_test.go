package model

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestShareUnchanged(t *testing.T) {
	t.Parallel()
	obj := func(kv ...any) Object {
		var o Object
		for i := 0; i+1 < len(kv); i += 2 {
			o = append(o, Field{Name: kv[i].(string), Value: kv[i+1]})
		}
		return o
	}
	tests := map[string]struct {
		before, after func() any
		equal         bool
		shared        []Path // parts of after that must be before's own
	}{
		"equal objects": {
			before: func() any { return obj("a", "x", "b", obj("c", 1.0)) },
			after:  func() any { return obj("a", "x", "b", obj("c", 1.0)) },
			equal:  true,
		},
		"one attribute changed": {
			before: func() any { return obj("a", "x", "tags", obj("team", "data"), "list", []any{obj("k", true)}) },
			after:  func() any { return obj("a", "y", "tags", obj("team", "data"), "list", []any{obj("k", true)}) },
			shared: []Path{{"tags"}, {"list"}},
		},
		"members in another order": {
			before: func() any { return obj("a", obj("k", 1.0), "b", "x") },
			after:  func() any { return obj("b", "x", "a", obj("k", 1.0)) },
			shared: []Path{{"a"}},
		},
		"a member added":    {before: func() any { return obj("a", "x") }, after: func() any { return obj("a", "x", "b", "y") }},
		"a member removed":  {before: func() any { return obj("a", "x", "b", "y") }, after: func() any { return obj("a", "x") }},
		"a longer list":     {before: func() any { return []any{"a"} }, after: func() any { return []any{"a", "b"} }},
		"a shorter list":    {before: func() any { return []any{"a", "b"} }, after: func() any { return []any{"a"} }},
		"null and null":     {before: func() any { return obj("a", nil) }, after: func() any { return obj("a", nil) }, equal: true},
		"null and a value":  {before: func() any { return obj("a", nil) }, after: func() any { return obj("a", "") }},
		"-0 and 0":          {before: func() any { return obj("n", math.Copysign(0, -1)) }, after: func() any { return obj("n", 0.0) }},
		"1 and the string":  {before: func() any { return obj("n", 1.0) }, after: func() any { return obj("n", "1") }},
		"an object, a list": {before: func() any { return obj("a", obj()) }, after: func() any { return obj("a", []any{}) }},
		"true and false":    {before: func() any { return obj("a", true) }, after: func() any { return obj("a", false) }},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			before, after := tc.before(), tc.after()
			got, equal := shareUnchanged(before, after)
			if equal != tc.equal {
				t.Errorf("equal = %v, want %v", equal, tc.equal)
			}
			// Whatever is shared, after reads as it was written.
			if diff := cmp.Diff(tc.after(), got); diff != "" {
				t.Errorf("after changed (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.before(), before); diff != "" {
				t.Errorf("before changed (-want +got):\n%s", diff)
			}
			if equal {
				if o, ok := got.(Object); ok && ObjectID(o) != ObjectID(before.(Object)) {
					t.Error("equal values, but after is not before's own")
				}
			}
			for _, path := range tc.shared {
				b, _ := Lookup(before, path)
				a, _ := Lookup(got, path)
				if !sameTree(a, b) { // marks_test.go
					t.Errorf("%s is equal before and after but kept twice", path)
				}
			}
		})
	}
}
