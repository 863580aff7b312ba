package model

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMarksShared holds that resources whose marks trees are alike share
// one copy, that trees unlike each other are not confused, and that a
// shared tree reads exactly as the JSON it came from.
func TestMarksShared(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		a, b  string // after_unknown of two resources
		same  bool   // whether the two decoded trees are one copy
		wantA any
	}{
		"alike objects": {
			a: `{"id": true, "arn": true, "tags": {}}`, b: `{"id": true, "arn": true, "tags": {}}`,
			same: true, wantA: Object{{Name: "id", Value: true}, {Name: "arn", Value: true}},
		},
		"alike after pruning": {
			a: `{"id": true, "name": false}`, b: `{"id": true, "tags": {"x": false}}`,
			same: true, wantA: Object{{Name: "id", Value: true}},
		},
		"other names": {
			a: `{"id": true}`, b: `{"arn": true}`,
			wantA: Object{{Name: "id", Value: true}},
		},
		"other nesting": {
			a: `{"a": {"b": true}}`, b: `{"a": true, "b": true}`,
			wantA: Object{{Name: "a", Value: Object{{Name: "b", Value: true}}}},
		},
		"object and list": {
			a: `{"a": [true]}`, b: `{"a": {"0": true}}`,
			wantA: Object{{Name: "a", Value: []any{true}}},
		},
		"lists by position": {
			a: `{"a": [false, true]}`, b: `{"a": [true, false]}`,
			wantA: Object{{Name: "a", Value: []any{nil, true}}},
		},
		"alike lists": {
			a: `{"a": [{"x": true}, false]}`, b: `{"a": [{"x": true}, {}]}`,
			same: true, wantA: Object{{Name: "a", Value: []any{Object{{Name: "x", Value: true}}, nil}}},
		},
		"names that run together": {
			a: `{"ab": true, "c": true}`, b: `{"a": true, "bc": true}`,
			wantA: Object{{Name: "ab", Value: true}, {Name: "c", Value: true}},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, err := Decode("plan.json", []byte(planWithUnknowns(tc.a, tc.b)))
			if err != nil {
				t.Fatal(err)
			}
			a, b := p.Resources[0].AfterUnknown, p.Resources[1].AfterUnknown
			if diff := cmp.Diff(tc.wantA, a); diff != "" {
				t.Errorf("first tree (-want +got):\n%s", diff)
			}
			if got := sameTree(a, b); got != tc.same {
				t.Errorf("shared = %v, want %v", got, tc.same)
			}
			for _, tree := range []any{a, b} {
				if o, ok := tree.(Object); ok && cap(o) != len(o) {
					t.Errorf("tree %v has spare capacity %d: an append would write into a shared tree", o, cap(o)-len(o))
				}
			}
		})
	}
}

func sameTree(a, b any) bool {
	switch a := a.(type) {
	case Object:
		b, ok := b.(Object)
		return ok && ObjectID(a) == ObjectID(b)
	case []any:
		b, ok := b.([]any)
		return ok && len(a) > 0 && len(b) > 0 && &a[0] == &b[0]
	}
	return false
}

func planWithUnknowns(marks ...string) string {
	var rcs []string
	for i, m := range marks {
		rcs = append(rcs, fmt.Sprintf(`{"address": "aws_instance.r%d", "mode": "managed", "type": "aws_instance", "name": "r%d",
			"change": {"actions": ["create"], "before": null, "after": {}, "after_unknown": %s}}`, i, i, m))
	}
	return `{"format_version": "1.2", "terraform_version": "1.8.5", "resource_changes": [` + strings.Join(rcs, ",") + `]}`
}
