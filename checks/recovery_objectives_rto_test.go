package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestRecoveryObjectivesRTO(t *testing.T) {
	t.Parallel()
	tests := map[string]objectiveCase{
		"no configuration":   {conf: ""},
		"no objective block": {conf: `owner_tags = ["team"]`},
		"the fixture's objectives": {
			conf: "-",
			want: checktest.Want{
				// A Multi-AZ standby, a read replica.
				Pass: []string{"aws_db_instance.pitr", "aws_db_instance.replicated"},
				// 30m with one cluster instance.
				Fail: []string{"aws_rds_cluster.aurora"},
				// 4h without a standby: a restore may do.
				Unknown: []string{"aws_db_instance.later", "aws_db_instance.nopitr"},
			},
			msgs: map[string]string{
				"aws_rds_cluster.aurora": "no standby: recovery means restoring a backup, which rarely completes within the RTO of 30m",
				"aws_db_instance.pitr":   "the Multi-AZ standby can take over within the RTO of 4h",
				"aws_db_instance.nopitr": `no standby: recovery means restoring a backup; whether that completes within the RTO of 4h depends on the data's size (rehearse it: attest "restore_drills")`,
			},
		},
		// Under an hour, no standby fails.
		"an RTO of 30 minutes": {
			conf: `objective "fast" {
  rto = "30m"
}`,
			want: checktest.Want{
				Pass: []string{"aws_db_instance.pitr", "aws_db_instance.replicated"},
				Fail: []string{"aws_db_instance.later", "aws_db_instance.nopitr", "aws_db_instance.replica", "aws_rds_cluster.aurora"},
			},
		},
	}
	runObjectiveCases(t, RecoveryObjectivesRTO, tests)
}
