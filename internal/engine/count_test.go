package engine

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	tfjson "github.com/hashicorp/terraform-json"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// countPlan is what a directory scan gives for blocks whose count is known
// (web) and unknown (maybe: count = var.create ? 1 : 0 without a value;
// module.replica[*]: a module call's count).
func countPlan() *model.Plan {
	db := func(addr string, count model.Count) *model.Resource {
		return &model.Resource{
			Address: addr, Type: "aws_db_instance", Name: "db",
			Actions: tfjson.Actions{tfjson.ActionCreate}, After: model.Object{{Name: "multi_az", Value: false}}, AfterUnknown: model.Object{},
			Count: count,
		}
	}
	return model.NewPlan("dir", model.KindConfig, []*model.Resource{
		db("aws_db_instance.known[0]", model.Count{}),
		db("aws_db_instance.maybe[*]", model.UnknownCount("count", "aws_db_instance.maybe")),
		db("module.replica[*].aws_db_instance.db", model.UnknownCount("count", "module.replica")),
	}, nil, nil)
}

// counting judges by the number of instances: with it unknown, it says so.
var counting = check.Check{
	Meta: meta("t_counting", "deployment", "multi_az", check.SeverityHigh),
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if !r.Count.Known() {
			return check.Finding{Status: check.StatusUnknown, Message: r.Count.Reason()}
		}
		return check.Finding{Status: check.StatusFail, Message: "only 1 instance"}
	},
}

// aboutOne names one resource from a plan-wide check.
var aboutOne = check.Check{
	Meta: meta("t_about_one", "alerts_metrics", "dashboard", check.SeverityMedium),
	Plan: func(p *model.Plan) []check.Finding {
		return []check.Finding{
			{Address: "aws_db_instance.maybe[*]", Status: check.StatusFail, Message: "no alarm watches it"},
			{Status: check.StatusPass, Message: "a dashboard"},
		}
	},
}

// TestIfCreated holds the rule for instances whose number is unknown: every
// finding on one says "if created: " and keeps its status, so a failure
// blocks as it would on a known instance (it holds for every instance that
// is created); a finding that states the unknown count itself is not
// prefixed. Summary and Blocking agree with the results.
func TestIfCreated(t *testing.T) {
	t.Parallel()
	type row struct {
		Check, Address, Status, Message string
		Blocks                          bool
	}
	for name, tc := range map[string]struct {
		checks []check.Check
		failOn check.Threshold
		want   []row
		ready  bool
	}{
		"own settings": {
			checks: []check.Check{multiAZ},
			failOn: check.AtLeast(check.SeverityHigh),
			want: []row{
				{"t_multi_az", "aws_db_instance.known[0]", "fail", "single AZ", true},
				{"t_multi_az", "aws_db_instance.maybe[*]", "fail", "if created: single AZ", true},
				{"t_multi_az", "module.replica[*].aws_db_instance.db", "fail", "if created: single AZ", true},
			},
		},
		"a counting check": {
			checks: []check.Check{counting},
			failOn: check.AtLeast(check.SeverityHigh),
			want: []row{
				{"t_counting", "aws_db_instance.known[0]", "fail", "only 1 instance", true},
				{"t_counting", "aws_db_instance.maybe[*]", "unknown", "the count of aws_db_instance.maybe is known only after apply", false},
				{"t_counting", "module.replica[*].aws_db_instance.db", "unknown", "the count of module.replica is known only after apply", false},
			},
		},
		"a plan-wide check": {
			checks: []check.Check{aboutOne},
			failOn: check.AtLeast(check.SeverityMedium),
			want: []row{
				{"t_about_one", "", "pass", "a dashboard", false},
				{"t_about_one", "aws_db_instance.maybe[*]", "fail", "if created: no alarm watches it", true},
			},
		},
		"below the threshold": {
			checks: []check.Check{aboutOne},
			failOn: check.AtLeast(check.SeverityHigh),
			want: []row{
				{"t_about_one", "", "pass", "a dashboard", false},
				{"t_about_one", "aws_db_instance.maybe[*]", "fail", "if created: no alarm watches it", false},
			},
			ready: true,
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			prod, _ := profile.Lookup("production")
			rep := Run([]*model.Plan{countPlan()}, tc.checks, Options{Profile: prod, FailOn: tc.failOn})
			blocking := map[string]bool{}
			for _, r := range rep.Blocking() {
				blocking[r.CheckID+" "+r.Address] = true
			}
			var got []row
			for _, r := range rep.Results {
				got = append(got, row{r.CheckID, r.Address, string(r.Status), r.Message, blocking[r.CheckID+" "+r.Address]})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("results (-want +got):\n%s", diff)
			}
			if rep.Summary.Ready != tc.ready {
				t.Errorf("ready = %v, want %v", rep.Summary.Ready, tc.ready)
			}
		})
	}
}
