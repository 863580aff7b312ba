package engine

import "testing"

// TestGateNames: every gate name offered parses to its gate, the default
// first.
func TestGateNames(t *testing.T) {
	t.Parallel()
	names := GateNames()
	if len(names) != len(Gates) || names[0] != string(GateAll) {
		t.Fatalf("GateNames() = %v, want every gate with %q first", names, GateAll)
	}
	for i, name := range names {
		if g, err := ParseGate(name); err != nil || g != Gates[i] {
			t.Errorf("ParseGate(%q) = %v, %v; want %v", name, g, err, Gates[i])
		}
	}
}
