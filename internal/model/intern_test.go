package model

import (
	"strings"
	"testing"
	"unsafe"
)

// TestShortStringsShareOneBox holds that short string values decode to
// one boxed copy, shared by every value that has it, and that the others
// still decode to their own text.
func TestShortStringsShareOneBox(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", internMax+1)
	tests := map[string]struct {
		text   string // a JSON string
		want   string
		shared bool
	}{
		"short":         {text: `"us-east-1"`, want: "us-east-1", shared: true},
		"longest kept":  {text: `"` + long[1:] + `"`, want: long[1:], shared: true},
		"long":          {text: `"` + long + `"`, want: long},
		"escaped":       {text: `"a\"b"`, want: `a"b`},
		"empty":         {text: `""`, want: "", shared: true},
		"name and text": {text: `"name"`, want: "name", shared: true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := newParser([]byte(`[{"name": ` + tc.text + `}, ` + tc.text + `]`))
			v, err := p.value()
			if err != nil {
				t.Fatal(err)
			}
			list := v.([]any)
			a, _ := list[0].(Object).Get("name")
			b := list[1]
			if a != tc.want || b != tc.want {
				t.Fatalf("decoded %q and %q, want %q", a, b, tc.want)
			}
			if got := boxOf(a) == boxOf(b); got != tc.shared {
				t.Errorf("one box = %v, want %v", got, tc.shared)
			}
		})
	}
}

// boxOf is the address of the data an interface value holds.
func boxOf(v any) unsafe.Pointer { return (*[2]unsafe.Pointer)(unsafe.Pointer(&v))[1] }

// TestEmptyValuesShareOneBox holds that empty objects and lists decode to
// one boxed copy each, and stay empty objects and lists, not null.
func TestEmptyValuesShareOneBox(t *testing.T) {
	t.Parallel()
	p := newParser([]byte(`[{}, {"a": {}}, [], {"b": []}, [1], {"c": 1}]`))
	v, err := p.value()
	if err != nil {
		t.Fatal(err)
	}
	list := v.([]any)
	a, _ := list[1].(Object).Get("a")
	b, _ := list[3].(Object).Get("b")
	for i, pair := range [][2]any{{list[0], a}, {list[2], b}} {
		if boxOf(pair[0]) != boxOf(pair[1]) {
			t.Errorf("pair %d: two boxes for %#v", i, pair[0])
		}
	}
	if o, ok := a.(Object); !ok || o == nil || len(o) != 0 {
		t.Errorf("{} decoded as %#v, want an empty Object", a)
	}
	if l, ok := b.([]any); !ok || l == nil || len(l) != 0 {
		t.Errorf("[] decoded as %#v, want an empty list", b)
	}
	if boxOf(list[4]) == boxOf(list[2]) || boxOf(list[5]) == boxOf(list[0]) {
		t.Error("a value that is not empty shares the empty value's box")
	}
}
