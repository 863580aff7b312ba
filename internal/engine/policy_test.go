package engine

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/policy"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// The policy's own behaviour is tested in internal/policy; these tests
// hold the engine's side: an empty policy changes no result, a nil one runs
// no policy check, and the report always lists the manual items.

func TestNilPolicy(t *testing.T) {
	t.Parallel()
	prod, _ := profile.Lookup("production")
	opts := Options{Profile: prod, FailOn: check.AtLeast(check.SeverityHigh)}
	without := Run([]*model.Plan{load(t)}, []check.Check{multiAZ, planLevel}, opts)
	opts.Policy = &policy.Policy{}
	with := Run([]*model.Plan{load(t)}, []check.Check{multiAZ, planLevel}, opts)
	if diff := cmp.Diff(without.Results, with.Results); diff != "" {
		t.Errorf("results (-nil policy +empty policy):\n%s", diff)
	}
	if diff := cmp.Diff(without.Summary, with.Summary); diff != "" {
		t.Errorf("summary (-nil policy +empty policy):\n%s", diff)
	}
	if len(without.Manual) != len(policy.ManualItems()) || without.Manual[0].Attested {
		t.Errorf("manual = %+v", without.Manual)
	}
	for _, m := range without.Checks {
		if m.Category == "recovery_objectives" {
			t.Errorf("a run without a policy ran %s", m.ID)
		}
	}
}

func TestPolicyInRun(t *testing.T) {
	t.Parallel()
	prod, _ := profile.Lookup("production")
	pat, _ := policy.ParsePattern("aws_db_instance.b")
	pol := &policy.Policy{
		Disabled: []policy.Name{{Value: "dashboard"}},
		Severity: map[string]policy.Override{"t_multi_az": {Level: check.SeverityLow}},
		Waivers: []policy.Waiver{{Check: "t_multi_az", Address: &pat, Reason: "r", Owner: "o",
			Expires: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Source: "test"}},
		Now: func() time.Time { return time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC) },
	}
	rep := Run([]*model.Plan{load(t)}, []check.Check{multiAZ, planLevel}, Options{Profile: prod, FailOn: check.AtLeast(check.SeverityLow), Policy: pol})
	type row struct{ id, addr, status, sev string }
	var got []row
	for _, r := range rep.Results {
		if r.CheckID == "t_multi_az" || r.CheckID == "t_plan" {
			got = append(got, row{r.CheckID, r.Address, string(r.Status), r.Severity.String()})
		}
	}
	want := []row{
		{"t_multi_az", "aws_db_instance.a", "pass", "low"},
		{"t_multi_az", "aws_db_instance.b[0]", "waived", "low"},
		{"t_multi_az", "aws_db_instance.c", "unknown", "low"},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(row{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if s := rep.Summary; !s.Ready || s.Waived != 1 || s.Fail != 0 {
		t.Errorf("summary = %+v", s)
	}
}
