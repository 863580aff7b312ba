package cli

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/prodready/terraform-provider-readiness/checks"
)

// TestScanProfiles scans the webapp example with the whole catalogue under
// each profile, by name and by alias: the report names the profile in
// full, and staging and development judge nothing with a check that asks
// for a second region, which production does.
func TestScanProfiles(t *testing.T) {
	t.Parallel()
	tests := []struct {
		flag, want   string
		secondRegion bool
	}{
		{"production", "production", true},
		{"prod", "production", true},
		{"staging", "staging", false},
		{"stage", "staging", false},
		{"development", "development", false},
		{"DEV", "development", false},
	}
	for _, tt := range tests {
		t.Run(tt.flag, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			code := Run([]string{"scan", "--format", "json", "--profile", tt.flag, "../../examples/scan/webapp/plan.json"}, &stdout, &stderr)
			if code != ExitReady && code != ExitNotReady {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			var doc struct {
				Profile string `json:"profile"`
				Results []struct {
					CheckID string `json:"check_id"`
				} `json:"results"`
			}
			if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			if doc.Profile != tt.want {
				t.Errorf("profile %q, want %q", doc.Profile, tt.want)
			}
			var second []string
			for _, r := range doc.Results {
				if c, ok := checks.ByID(r.CheckID); ok && c.CrossRegion {
					second = append(second, r.CheckID)
				}
			}
			if (len(second) > 0) != tt.secondRegion {
				t.Errorf("results of second-region checks: %v, want any: %v", second, tt.secondRegion)
			}
		})
	}
}
