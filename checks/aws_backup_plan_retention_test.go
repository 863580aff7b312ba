package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSBackupPlanRetention(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSBackupPlanRetention, "testdata/aws_backup/plan.json", checktest.Want{
		Pass:    []string{"aws_backup_plan.daily", `module.team["billing"].aws_backup_plan.this[0]`},
		Fail:    []string{"aws_backup_plan.weekly"},
		Unknown: []string{"aws_backup_plan.computed"},
	})
}
