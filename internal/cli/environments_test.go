package cli

import (
	"encoding/json"
	"testing"

	"github.com/prodready/terraform-provider-readiness/checks"
)

// TestScanEnvironments scans one root with the tfvars file of each
// environment, its Deployment kept as a YAML file that yamldecode(file())
// reads: the verdicts follow the environment's values, and the manifest is
// judged like any Deployment.
func TestScanEnvironments(t *testing.T) {
	t.Parallel()
	const dir = "testdata/config/environments"
	tests := map[string]map[string]string{
		"dev": {
			"aws_rds_multi_az aws_db_instance.orders":               "fail",
			"kubernetes_workload_replicas kubernetes_manifest.api":  "fail",
			"kubernetes_workload_probes kubernetes_manifest.api":    "pass",
			"kubernetes_workload_resources kubernetes_manifest.api": "pass",
		},
		"prod": {
			"aws_rds_multi_az aws_db_instance.orders":               "pass",
			"kubernetes_workload_replicas kubernetes_manifest.api":  "pass",
			"kubernetes_workload_probes kubernetes_manifest.api":    "pass",
			"kubernetes_workload_resources kubernetes_manifest.api": "pass",
		},
	}
	for env, want := range tests {
		t.Run(env, func(t *testing.T) {
			t.Parallel()
			o := run(checks.All(), "scan", "--format", "json", "--var-file", dir+"/envs/"+env+".tfvars", dir)
			assertClean(t, o)
			var rep struct {
				Results []struct {
					CheckID string `json:"check_id"`
					Address string `json:"address"`
					Status  string `json:"status"`
				} `json:"results"`
			}
			if err := json.Unmarshal([]byte(o.stdout), &rep); err != nil {
				t.Fatalf("exit %d, %v: %s", o.code, err, o.stderr)
			}
			got := map[string]string{}
			for _, r := range rep.Results {
				got[r.CheckID+" "+r.Address] = r.Status
			}
			for key, status := range want {
				if got[key] != status {
					t.Errorf("%s: %q, want %q", key, got[key], status)
				}
			}
		})
	}
}
