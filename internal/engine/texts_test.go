package engine

import (
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/check"
)

func TestTextPool(t *testing.T) {
	t.Parallel()
	ev := func(pairs ...string) []check.Evidence {
		var out []check.Evidence
		for i := 0; i+1 < len(pairs); i += 2 {
			out = append(out, check.Evidence{Attribute: pairs[i], Value: pairs[i+1]})
		}
		return out
	}
	tests := map[string]struct {
		a, b []check.Evidence
		same bool
	}{
		"equal lists":                {a: ev("x", "1"), b: ev("x", "1"), same: true},
		"another value":              {a: ev("x", "1"), b: ev("x", "2")},
		"texts split elsewhere":      {a: ev("ab", "c"), b: ev("a", "bc")},
		"one list, two entries":      {a: ev("a", "b", "c", "d"), b: ev("a", "b")},
		"a separator inside a value": {a: ev("a\x01b", "c"), b: ev("a", "\x01bc")},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var pool textPool
			scratch := append([]check.Evidence(nil), tc.a...)
			first := pool.evidenceList(scratch)
			scratch[0] = check.Evidence{Attribute: "reused", Value: "scratch"} // the caller's to reuse
			if diff := cmp.Diff(tc.a, first); diff != "" {
				t.Fatalf("pooled list changed with its caller's scratch (-want +got):\n%s", diff)
			}
			second := pool.evidenceList(tc.b)
			if diff := cmp.Diff(tc.b, second); diff != "" {
				t.Errorf("second list (-want +got):\n%s", diff)
			}
			if shared := &first[0] == &second[0]; shared != tc.same {
				t.Errorf("lists shared = %v, want %v", shared, tc.same)
			}
			if cap(first) != len(first) {
				t.Errorf("a pooled list has room to append into (cap %d, len %d): an append would write into the list others share", cap(first), len(first))
			}
		})
	}
	t.Run("messages", func(t *testing.T) {
		var pool textPool
		a := pool.message(string([]byte("the alarm notifies no one")))
		b := pool.message(string([]byte("the alarm notifies no one")))
		if unsafeData(a) != unsafeData(b) {
			t.Error("two equal messages are kept twice")
		}
		if got := pool.evidenceList(nil); got == nil || len(got) != 0 {
			t.Errorf("no evidence = %#v, want an empty list (the JSON report prints [])", got)
		}
	})
}

func unsafeData(s string) *byte { return unsafe.StringData(s) }
