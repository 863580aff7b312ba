package checks

import (
	"testing"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
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
			r := &model.Resource{
				Address: "aws_backup_plan.p", Type: "aws_backup_plan", Name: "p", Actions: tfjson.Actions{tfjson.ActionCreate},
				After: model.Object{{Name: "name", Value: "p"}, {Name: "rule", Value: []any{
					model.Object{{Name: "rule_name", Value: "r"}, {Name: "schedule", Value: tc.schedule}},
				}}},
			}
			p := model.NewPlan("plan.json", model.KindPlan, []*model.Resource{r}, nil, nil)
			rep := checktest.Run(t, AWSBackupPlanFrequency, p)
			if len(rep.Results) != 1 || rep.Results[0].Status != tc.want {
				t.Fatalf("%s: got %+v, want %s", tc.schedule, rep.Results, tc.want)
			}
		})
	}
}
