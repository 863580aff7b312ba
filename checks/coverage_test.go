package checks

import (
	"path/filepath"
	"sort"
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/input"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// cannotReach lists the statuses a check never returns, by its nature or
// because its fixtures lack the case, and why. Every other check must pass,
// fail and be unknown somewhere in checks/testdata.
var cannotReach = map[string]map[check.Status]string{
	"destructive_change":                         {check.StatusUnknown: "a plan's actions are always known"},
	"monitoring_dashboard":                       {check.StatusUnknown: "whether the plan holds a dashboard resource is always known"},
	"instance_gpu_unrequested":                   {check.StatusUnknown: "types missing from the catalogue are left to instance_previous_generation"},
	"aws_s3_encryption_at_rest":                  {check.StatusFail: "S3 encrypts every object since 2023-01; without explicit configuration the result is unknown"},
	"aws_elb_health_check":                       {check.StatusFail: "AWS gives every Classic Load Balancer a health check; the check reports which"},
	"aws_dynamodb_deletion_protection":           {check.StatusUnknown: "fixture gap: no table whose deletion_protection_enabled comes from an unknown value"},
	"aws_efs_replication":                        {check.StatusUnknown: "fixture gap: no replication configuration with an unknown destination"},
	"aws_elasticache_replication_group_multi_az": {check.StatusUnknown: "fixture gap: no group with failover settings known only after apply"},
	"aws_elasticache_snapshots":                  {check.StatusUnknown: "fixture gap: no snapshot_retention_limit known only after apply"},
	"aws_rds_cross_region_replica":               {check.StatusUnknown: "fixture gap: no replica whose region is unknown"},
	"aws_s3_replication":                         {check.StatusUnknown: "fixture gap: no replication_configuration known only after apply"},
}

// TestEveryCheckReachesEveryStatus runs the whole catalogue over every
// fixture plan: each check must pass, fail and be unknown somewhere, unless
// cannotReach says why not. A check that only ever passes proves nothing.
func TestEveryCheckReachesEveryStatus(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("testdata/*/plan.json")
	nested, _ := filepath.Glob("testdata/*/*/plan.json")
	files = append(files, nested...)
	prof, err := profile.Lookup(profile.Default)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]map[check.Status]bool{}
	for _, f := range files {
		p, err := input.Read(f)
		if err != nil {
			t.Fatal(err)
		}
		rep := engine.Run([]*model.Plan{p}, All(), engine.Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh)})
		for _, r := range rep.Results {
			if seen[r.CheckID] == nil {
				seen[r.CheckID] = map[check.Status]bool{}
			}
			seen[r.CheckID][r.Status] = true
		}
	}
	ids := map[string]bool{}
	for _, c := range All() {
		ids[c.ID] = true
		for _, s := range []check.Status{check.StatusPass, check.StatusFail, check.StatusUnknown} {
			reason, excused := cannotReach[c.ID][s]
			switch {
			case !seen[c.ID][s] && !excused:
				t.Errorf("%s is never %s in checks/testdata: add a fixture case, or say in cannotReach why it cannot be", c.ID, s)
			case seen[c.ID][s] && excused:
				t.Errorf("%s is %s in checks/testdata although cannotReach says %q: drop that entry", c.ID, s, reason)
			}
		}
	}
	var stale []string
	for id := range cannotReach {
		if !ids[id] {
			stale = append(stale, id)
		}
	}
	sort.Strings(stale)
	if len(stale) > 0 {
		t.Errorf("cannotReach names checks that do not exist: %v", stale)
	}
}
