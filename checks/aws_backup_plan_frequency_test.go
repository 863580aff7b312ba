package checks

import (
	"strings"
	"testing"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

func TestAWSBackupPlanFrequency(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSBackupPlanFrequency, "testdata/aws_backup/plan.json", checktest.Want{
		Pass:    []string{"aws_backup_plan.daily", `module.team["billing"].aws_backup_plan.this[0]`},
		Fail:    []string{"aws_backup_plan.weekly"},
		Unknown: []string{"aws_backup_plan.computed"},
	})
}

// TestAWSBackupPlanFrequencyOverflow: a rate too long for a 64-bit
// duration once wrapped into a negative interval that met every objective.
func TestAWSBackupPlanFrequencyOverflow(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		schedule string
		want     check.Status
	}{
		"hourly":                  {"rate(1 hour)", check.StatusPass},
		"every 2.7 million hours": {"rate(2700000 hours)", check.StatusFail},
		"beyond 64 bits":          {"rate(99999999999999999999999 days)", check.StatusFail},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := backupPlanFrequency(t, tc.schedule); got.Status != tc.want {
				t.Fatalf("%s: got %s, want %s", tc.schedule, got.Status, tc.want)
			}
		})
	}
}

// TestAWSBackupPlanFrequencySchedules: the schedule's month, year and
// day-of-week L and # count. Before, the month and year fields were
// ignored, so a plan that runs hourly in the first quarter, or in 2026
// only, passed as hourly.
func TestAWSBackupPlanFrequencySchedules(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		schedule string
		want     check.Status
	}{
		"hourly":                      {"cron(0 * ? * * *)", check.StatusPass},
		"weekdays at 05:00":           {"cron(0 5 ? * MON-FRI *)", check.StatusFail},
		"hourly in the first quarter": {"cron(0 * ? JAN-MAR * *)", check.StatusFail}, // passed before
		"hourly in 2026 only":         {"cron(0 * ? * * 2026)", check.StatusFail},    // passed before
		"twice a year":                {"cron(0 5 1 1,7 ? *)", check.StatusFail},
		"first Monday":                {"cron(0 5 ? * MON#1 *)", check.StatusFail},
		"last Friday":                 {"cron(0 5 ? * 6L *)", check.StatusFail},   // unknown before: 6L was refused
		"both days set":               {"cron(0 * * * * *)", check.StatusUnknown}, // AWS refuses it; passed before
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := backupPlanFrequency(t, tc.schedule); got.Status != tc.want {
				t.Fatalf("%s: got %s, want %s", tc.schedule, got.Status, tc.want)
			}
		})
	}
}

// TestAWSBackupPlanFrequencyNeverAgain: a schedule that stops after the
// years it names says so, not "runs every over 292 years".
func TestAWSBackupPlanFrequencyNeverAgain(t *testing.T) {
	t.Parallel()
	got := backupPlanFrequency(t, "cron(0 * ? * * 2026)")
	if got.Status != check.StatusFail || !strings.Contains(got.Message, "no rule runs on a lasting schedule") {
		t.Fatalf("got %s %q, want a fail saying no rule runs on a lasting schedule", got.Status, got.Message)
	}
}

// backupPlanFrequency judges a plan of one rule with the given schedule.
func backupPlanFrequency(t *testing.T, schedule string) engine.Result {
	t.Helper()
	r := &model.Resource{
		Address: "aws_backup_plan.p", Type: "aws_backup_plan", Name: "p", Actions: tfjson.Actions{tfjson.ActionCreate},
		After: model.Object{{Name: "name", Value: "p"}, {Name: "rule", Value: []any{
			model.Object{{Name: "rule_name", Value: "r"}, {Name: "schedule", Value: schedule}},
		}}},
	}
	p := model.NewPlan("plan.json", model.KindPlan, []*model.Resource{r}, nil, nil)
	rep := checktest.Run(t, AWSBackupPlanFrequency, p)
	if len(rep.Results) != 1 {
		t.Fatalf("%s: got %+v, want one result", schedule, rep.Results)
	}
	return rep.Results[0]
}
