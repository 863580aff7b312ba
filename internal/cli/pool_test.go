package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/prodready/terraform-provider-readiness/checks"
)

// TestScanPool scans an application's root and the monitoring root that
// watches it: apart, the database has no alarm; pooled, the alarm in one
// root covers the database in the other, and each finding names its root.
func TestScanPool(t *testing.T) {
	t.Parallel()
	const app, mon = "testdata/pool/app", "testdata/pool/monitoring"
	type key struct{ input, check, address string }
	scan := func(t *testing.T, args ...string) map[key]string {
		t.Helper()
		o := run(checks.All(), append(append([]string{"scan", "--format", "json"}, args...), app, mon)...)
		assertClean(t, o)
		var rep struct {
			Inputs  []struct{ Path string } `json:"inputs"`
			Results []struct {
				Input   string `json:"input"`
				CheckID string `json:"check_id"`
				Address string `json:"address"`
				Status  string `json:"status"`
			} `json:"results"`
		}
		if err := json.Unmarshal([]byte(o.stdout), &rep); err != nil {
			t.Fatalf("exit %d, %v: %s", o.code, err, o.stderr)
		}
		if len(rep.Inputs) != 2 || rep.Inputs[0].Path != app || rep.Inputs[1].Path != mon {
			t.Errorf("inputs = %+v, want both roots", rep.Inputs)
		}
		out := map[key]string{}
		for _, r := range rep.Results {
			out[key{r.Input, r.CheckID, r.Address}] = r.Status
		}
		return out
	}
	apart, pooled := scan(t), scan(t, "--pool")
	tests := map[string]struct {
		key         key
		apart, pool string
	}{
		"the database's alarm is in the other root": {key{app, "aws_alarm_coverage", "aws_db_instance.orders"}, "fail", "pass"},
		"one address in each root, the app's":       {key{app, "owner_tag", "aws_s3_bucket.logs"}, "pass", "pass"},
		"one address in each root, monitoring's":    {key{mon, "owner_tag", "aws_s3_bucket.logs"}, "pass", "pass"},
		"the estate's own findings name both roots": {key{app + " + " + mon, "multi_region", ""}, "", "fail"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := apart[tc.key]; got != tc.apart {
				t.Errorf("apart: %+v = %q, want %q", tc.key, got, tc.apart)
			}
			if got := pooled[tc.key]; got != tc.pool {
				t.Errorf("pooled: %+v = %q, want %q", tc.key, got, tc.pool)
			}
		})
	}
	for k := range pooled {
		if strings.Contains(k.address, "module.app.") || strings.Contains(k.address, "module.monitoring.") {
			t.Errorf("a pooled address leaks out: %+v", k)
		}
	}
	if len(pooled) < len(apart)-2 {
		t.Errorf("pooled results lost: %d apart, %d pooled", len(apart), len(pooled))
	}
}
