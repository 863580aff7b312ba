package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestRecoveryObjectivesRPO(t *testing.T) {
	t.Parallel()
	tests := map[string]objectiveCase{
		"no configuration": {conf: ""},
		// A configuration without objectives judges only what resources
		// declare by tag: none here.
		"no objective block": {conf: `owner_tags = ["team"]`},
		"the fixture's objectives": {
			conf: "-",
			want: checktest.Want{
				// Point-in-time recovery, a read replica, an hourly AWS
				// Backup plan.
				Pass: []string{"aws_db_instance.pitr", "aws_db_instance.replicated", "aws_dynamodb_table.pitr", "aws_efs_file_system.hourly"},
				// Nothing, or a daily plan.
				Fail: []string{"aws_db_instance.nopitr", "aws_dynamodb_table.nopitr", "aws_efs_file_system.daily"},
				// Retention, or the only plan's schedule, known after apply.
				Unknown: []string{"aws_db_instance.later", "aws_dynamodb_table.scheduled"},
			},
			msgs: map[string]string{
				"aws_db_instance.nopitr":       "no backup, point-in-time recovery or replication in the plan: the RPO of 1h cannot be met",
				"aws_db_instance.pitr":         "point-in-time recovery (a recovery point every 5m) meets the RPO of 1h",
				"aws_efs_file_system.daily":    `the most frequent recovery point is AWS Backup plan aws_backup_plan.daily rule "daily", every 1d: a failure just before it loses more than the RPO of 1h`,
				"aws_dynamodb_table.scheduled": "whether the RPO of 1h is met depends on values known only after apply",
			},
		},
		// Stricter than point-in-time recovery: only the replica keeps it.
		"an RPO of one minute": {
			conf: `objective "strict" {
  tags = { tier = "critical" }
  rpo  = "1m"
}`,
			want: checktest.Want{
				Pass:    []string{"aws_db_instance.replicated"},
				Fail:    []string{"aws_db_instance.nopitr", "aws_db_instance.pitr", "aws_dynamodb_table.nopitr", "aws_dynamodb_table.pitr", "aws_efs_file_system.daily", "aws_efs_file_system.hourly"},
				Unknown: []string{"aws_db_instance.later", "aws_dynamodb_table.scheduled"},
			},
		},
	}
	runObjectiveCases(t, RecoveryObjectivesRPO, tests)
}
