package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestRecoveryObjectivesBackupPlan(t *testing.T) {
	t.Parallel()
	tests := map[string]objectiveCase{
		"no configuration":   {conf: ""},
		"no objective block": {conf: `owner_tags = ["team"]`},
		"the fixture's objectives": {
			conf: "-",
			want: checktest.Want{
				Pass:    []string{"aws_backup_plan.hourly"},
				Fail:    []string{"aws_backup_plan.daily"},
				Unknown: []string{"aws_backup_plan.later"},
			},
			msgs: map[string]string{
				"aws_backup_plan.hourly": "the plan backs up every 1h, within the RPO of 1h of aws_efs_file_system.hourly",
				"aws_backup_plan.daily":  "the most frequent rule runs every 1d: it cannot keep the RPO of 1h of aws_efs_file_system.daily",
				"aws_backup_plan.later":  "the plan's schedules are known only after apply or not understood",
			},
		},
		// A daily RPO: both plans keep it; the third's schedule is still
		// known only after apply.
		"an RPO of one day": {
			conf: `objective "daily" {
  tags = { tier = "critical" }
  rpo  = "1d"
}`,
			want: checktest.Want{
				Pass:    []string{"aws_backup_plan.daily", "aws_backup_plan.hourly"},
				Unknown: []string{"aws_backup_plan.later"},
			},
		},
	}
	runObjectiveCases(t, RecoveryObjectivesBackupPlan, tests)
}
