package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSBackupPlanCrossRegionCopy(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSBackupPlanCrossRegionCopy, "testdata/aws_backup/plan.json", checktest.Want{
		Pass:    []string{"aws_backup_plan.daily"},
		Fail:    []string{"aws_backup_plan.weekly", `module.team["billing"].aws_backup_plan.this[0]`},
		Unknown: []string{"aws_backup_plan.computed"},
	})
}
