package cli

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
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

// TestChecksProfile: `readiness checks --profile` lists exactly the checks
// the profile runs, at the severity it gives them, as a scan would judge.
func TestChecksProfile(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"production", "stage", "development", "dev"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			prof, err := profile.Lookup(name)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]string{}
			for _, c := range checks.All() {
				if m, runs := prof.Apply(c.Meta); runs {
					want[c.ID] = m.Severity.String()
				}
			}
			var stdout, stderr bytes.Buffer
			if code := Run([]string{"checks", "--format", "json", "--profile", name}, &stdout, &stderr); code != ExitReady {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			var list []struct {
				ID       string `json:"id"`
				Severity string `json:"severity"`
			}
			if err := json.Unmarshal(stdout.Bytes(), &list); err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, c := range list {
				got[c.ID] = c.Severity
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("checks --profile %s (-want +got):\n%s", name, diff)
			}
			if prof.Name != "production" && len(got) >= len(checks.All()) {
				t.Errorf("checks --profile %s lists all %d checks", name, len(got))
			}
		})
	}

	o := run(testChecks, "checks", "--profile", "stagin")
	want := "readiness: unknown profile \"stagin\" (want development, production, staging, or dev, prod, stage). Did you mean \"staging\"?\n" +
		"Run 'readiness checks --help' for usage.\n"
	if o.code != ExitError || o.stderr != want {
		t.Errorf("checks --profile stagin: exit %d, stderr %q", o.code, o.stderr)
	}
	// The profile's severity is what --severity filters on.
	o = run(testChecks, "checks", "--profile", "dev", "--severity", "high")
	if o.code != ExitReady || !strings.Contains(o.stdout, "No check matches") {
		t.Errorf("checks --profile dev --severity high: exit %d, stdout %q", o.code, o.stdout)
	}
}
