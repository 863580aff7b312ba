package model

import (
	"strings"
	"testing"
)

func TestPathString(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("abcdefgh", 10)
	tests := map[string]struct {
		path Path
		want string
	}{
		"empty":           {path: Path{}, want: ""},
		"one name":        {path: Path{"encrypted"}, want: "encrypted"},
		"one index":       {path: Path{0}, want: "[0]"},
		"names":           {path: Path{"a", "b"}, want: "a.b"},
		"nested":          {path: Path{"root_block_device", 0, "encrypted"}, want: "root_block_device[0].encrypted"},
		"negative index":  {path: Path{"a", -12}, want: "a[-12]"},
		"index first":     {path: Path{3, "x"}, want: "[3].x"},
		"longer than 64":  {path: Path{long, 10, long}, want: long + "[10]." + long},
		"other step kind": {path: Path{"a", 1.5, "b"}, want: "a.b"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := tc.path.String(); got != tc.want {
				t.Errorf("%#v.String() = %q, want %q", tc.path, got, tc.want)
			}
		})
	}
}

// TestPathStringOneNameAllocatesNothing holds that the commonest path, one
// attribute name, renders without a copy.
func TestPathStringOneNameAllocatesNothing(t *testing.T) {
	p := Path{"encrypted"}
	if n := testing.AllocsPerRun(100, func() { _ = p.String() }); n != 0 {
		t.Errorf("Path{name}.String() allocates %v times, want 0", n)
	}
}
