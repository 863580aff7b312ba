package checks

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/config"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/input"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/policy"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// changeWant is the expected result of one check on one subject of a
// change fixture: its status in the planned world and what the plan does
// to it; evidence, when set, is the value of its first evidence.
type changeWant struct {
	check, address string
	status         check.Status
	change         engine.Change
	evidence       string
}

// TestChangeFixtures judges each plan of checks/testdata/change (see its
// README) with the whole catalogue, and the .readiness.hcl beside it when
// there is one: each key result has its status and change, the plan passes
// or fails --gate introduced as it should, and a subject the plan deletes
// has no result.
func TestChangeFixtures(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		want []changeWant
		// passesIntroducedGate: ready under --gate introduced at fail-on high.
		passesIntroducedGate bool
		// onlyBefore are subjects with no result: they exist only before.
		onlyBefore []changeWant
		// noneIntroduced: no result is introduced or resolved.
		noneIntroduced bool
	}{
		"unchanged": {
			want: []changeWant{
				{check: "aws_rds_multi_az", address: "aws_db_instance.orders", status: check.StatusFail, change: engine.ChangeExisting},
				{check: "multi_region", status: check.StatusFail, change: engine.ChangeExisting},
				{check: "aws_rds_backup_retention", address: "aws_db_instance.orders", status: check.StatusPass, change: engine.ChangeUnchanged},
			},
			passesIntroducedGate: true,
			noneIntroduced:       true,
		},
		"multi_az_off": {
			want: []changeWant{
				{check: "aws_rds_multi_az", address: "aws_db_instance.orders", status: check.StatusFail, change: engine.ChangeIntroduced, evidence: "true → false"},
				{check: "aws_multi_az_removed", address: "aws_db_instance.orders", status: check.StatusFail, change: engine.ChangeIntroduced},
				{check: "multi_region", status: check.StatusFail, change: engine.ChangeExisting},
			},
		},
		"multi_az_on": {
			want: []changeWant{
				{check: "aws_rds_multi_az", address: "aws_db_instance.orders", status: check.StatusPass, change: engine.ChangeResolved, evidence: "false → true"},
				{check: "aws_multi_az_removed", address: "aws_db_instance.orders", status: check.StatusPass, change: engine.ChangeUnchanged},
				{check: "multi_region", status: check.StatusFail, change: engine.ChangeExisting},
			},
			passesIntroducedGate: true,
		},
		"alarm_deleted": {
			want: []changeWant{
				// Deleting the only alarm on an unchanged database.
				{check: "aws_alarm_coverage", address: "aws_db_instance.orders", status: check.StatusFail, change: engine.ChangeIntroduced},
				{check: "destructive_change", address: "aws_cloudwatch_metric_alarm.orders_db_cpu", status: check.StatusPass, change: engine.ChangeUnchanged},
				{check: "multi_region", status: check.StatusFail, change: engine.ChangeExisting},
			},
			// aws_alarm_coverage is medium: below fail-on high.
			passesIntroducedGate: true,
			onlyBefore: []changeWant{
				{check: "aws_alarm_actions", address: "aws_cloudwatch_metric_alarm.orders_db_cpu"},
				{check: "aws_alarm_on_call"},
			},
		},
		"retention_cut": {
			want: []changeWant{
				{check: "aws_rds_backup_retention", address: "aws_db_instance.orders", status: check.StatusPass, change: engine.ChangeUnchanged},
				{check: "aws_backup_retention_reduced", address: "aws_db_instance.orders", status: check.StatusFail, change: engine.ChangeIntroduced, evidence: "35 → 7"},
				{check: "multi_region", status: check.StatusFail, change: engine.ChangeExisting},
			},
		},
		"first_apply": {
			want: []changeWant{
				{check: "aws_rds_multi_az", address: "aws_db_instance.orders", status: check.StatusFail, change: engine.ChangeIntroduced},
				{check: "multi_region", status: check.StatusFail, change: engine.ChangeIntroduced},
				{check: "aws_rds_backup_retention", address: "aws_db_instance.orders", status: check.StatusPass, change: engine.ChangeUnchanged},
			},
		},
		"older_format": {
			want: []changeWant{
				{check: "aws_rds_multi_az", address: "aws_db_instance.orders", status: check.StatusFail, change: engine.ChangeIntroduced},
				{check: "aws_multi_az_removed", address: "aws_db_instance.orders", status: check.StatusFail, change: engine.ChangeIntroduced},
				// Only the prior state's subnets (0.12 addresses, no keys)
				// show the zone, in both worlds.
				{check: "aws_autoscaling_group_multi_az", address: "aws_autoscaling_group.web", status: check.StatusFail, change: engine.ChangeExisting},
				{check: "monitoring_dashboard", status: check.StatusFail, change: engine.ChangeExisting},
			},
		},
		"terraform_data": {
			want: []changeWant{
				{check: "team_db_multi_az", address: "terraform_data.orders_db", status: check.StatusFail, change: engine.ChangeIntroduced},
				{check: "team_db_multi_az", address: "terraform_data.audit_db", status: check.StatusFail, change: engine.ChangeIntroduced},
				{check: "team_db_multi_az", address: "terraform_data.reports_db", status: check.StatusFail, change: engine.ChangeExisting},
				{check: "team_db_multi_az", address: "terraform_data.staging_db", status: check.StatusPass, change: engine.ChangeResolved},
				{check: "team_db_multi_az", address: "terraform_data.billing_db", status: check.StatusPass, change: engine.ChangeUnchanged},
			},
			onlyBefore: []changeWant{{check: "team_db_multi_az", address: "terraform_data.legacy_db"}},
		},
	}
	prof, err := profile.Lookup(profile.Default)
	if err != nil {
		t.Fatal(err)
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join("testdata", "change", name)
			p, err := input.Read(filepath.Join(dir, "plan.json"))
			if err != nil {
				t.Fatal(err)
			}
			var pol *policy.Policy
			if _, err := os.Stat(filepath.Join(dir, ".readiness.hcl")); err == nil {
				conf, diags := config.Load(filepath.Join(dir, ".readiness.hcl"), ".readiness.hcl")
				if diags.HasErrors() {
					t.Fatal(diags)
				}
				pol = conf.Policy
			}
			rep := engine.Run([]*model.Plan{p}, All(), engine.Options{
				Profile: prof, FailOn: check.AtLeast(check.SeverityHigh), Policy: pol, Gate: engine.GateIntroduced,
			})
			got := map[[2]string]engine.Result{}
			for _, r := range rep.Results {
				got[[2]string{r.CheckID, r.Address}] = r
				if r.Change == "" {
					t.Errorf("%s %s: no change on a plan's result", r.CheckID, r.Address)
				}
				if tt.noneIntroduced && (r.Change == engine.ChangeIntroduced || r.Change == engine.ChangeResolved) {
					t.Errorf("%s %s: %s in a plan that changes nothing", r.CheckID, r.Address, r.Change)
				}
			}
			for _, w := range tt.want {
				r, ok := got[[2]string{w.check, w.address}]
				if !ok {
					t.Errorf("%s %s: no result", w.check, w.address)
					continue
				}
				if r.Status != w.status || r.Change != w.change {
					t.Errorf("%s %s: %s, %s; want %s, %s (%s)", w.check, w.address, r.Status, r.Change, w.status, w.change, r.Message)
				}
				if w.evidence != "" && (len(r.Evidence) == 0 || r.Evidence[0].Value != w.evidence) {
					t.Errorf("%s %s: evidence %+v, want %q", w.check, w.address, r.Evidence, w.evidence)
				}
			}
			for _, w := range tt.onlyBefore {
				if r, ok := got[[2]string{w.check, w.address}]; ok {
					t.Errorf("%s %s: %s, %s, but the subject exists only before the plan", w.check, w.address, r.Status, r.Change)
				}
			}
			if rep.Summary.Ready != tt.passesIntroducedGate {
				t.Errorf("ready under --gate introduced = %v, want %v (blocking %v)", rep.Summary.Ready, tt.passesIntroducedGate, rep.Blocking())
			}
		})
	}
}

// TestTransitionChecksAreMarked: the checks that compare a plan's before
// and after say so (Meta.Transition), so that the provider's functions,
// which judge one set of values, leave them out; no other check does.
func TestTransitionChecksAreMarked(t *testing.T) {
	t.Parallel()
	marked := map[string]bool{}
	for _, c := range transitionChecks {
		marked[c.ID] = true
	}
	for _, c := range All() {
		if c.Transition != marked[c.ID] {
			t.Errorf("%s: Transition = %v", c.ID, c.Transition)
		}
		if c.Transition && c.Resource == nil {
			t.Errorf("%s: a transition check judges resources", c.ID)
		}
	}
}
