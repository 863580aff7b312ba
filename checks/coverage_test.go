package checks

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/config"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/input"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/policy"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// cannotReach lists the statuses a check never returns, by its nature or
// because its fixtures lack the case, and why. Every other check must pass,
// fail and be unknown somewhere in checks/testdata.
var cannotReach = map[string]map[check.Status]string{
	"destructive_change":           {check.StatusUnknown: "a plan's actions are always known"},
	"monitoring_dashboard":         {check.StatusUnknown: "whether the plan holds a dashboard resource is always known"},
	"instance_gpu_unrequested":     {check.StatusUnknown: "types missing from the catalogue are left to instance_previous_generation"},
	"aws_s3_encryption_at_rest":    {check.StatusFail: "S3 encrypts every object since 2023-01; without explicit configuration the result is unknown"},
	"aws_elb_health_check":         {check.StatusFail: "AWS gives every Classic Load Balancer a health check; the check reports which"},
	"aws_efs_replication":          {check.StatusUnknown: "replicated exactly when the plan holds a replication configuration naming the file system (by reference or known ID); an unknown destination region does not matter"},
	"aws_s3_replication":           {check.StatusUnknown: "a static replication_configuration block is planned as a known list, and a dynamic one is absent from the plan's configuration (judged as unset); unknown needs a plan without configuration"},
	"recovery_objectives_declared": {check.StatusUnknown: "objectives come from the configuration and the resource's known tags: a tag known only after apply declares nothing, so a data store has them or not"},
}

// fixturePolicy is the team's configuration a fixture plan is judged with:
// the .readiness.hcl beside it (the recovery objective checks judge only
// what one declares), or nil.
func fixturePolicy(t *testing.T, plan string) *policy.Policy {
	t.Helper()
	path := filepath.Join(filepath.Dir(plan), config.FileName)
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	c, diags := config.Load(path, path)
	if !diags.HasErrors() {
		diags = c.Validate(All())
	}
	if diags.HasErrors() {
		t.Fatalf("%s: %v", path, diags)
	}
	return c.Policy
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
		rep := engine.Run([]*model.Plan{p}, All(), engine.Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh), Policy: fixturePolicy(t, f)})
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
			if c.Evidence && s == check.StatusFail {
				// TestEvidenceChecksNeverFail holds it to never failing.
				reason, excused = "an evidence check never fails", true
			}
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
