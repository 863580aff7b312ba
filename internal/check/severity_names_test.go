package check

import "testing"

// TestThresholdNames: every name the CLI and .readiness.hcl offer parses,
// and names the threshold it reads.
func TestThresholdNames(t *testing.T) {
	t.Parallel()
	for _, name := range ThresholdNames {
		th, err := ParseThreshold(name)
		if err != nil || th.String() != name {
			t.Errorf("ParseThreshold(%q) = %v, %v; want the threshold named %q", name, th, err, name)
		}
	}
}
