package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSEFSBackupPolicy(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSEFSBackupPolicy, "testdata/aws_efs/plan.json", checktest.Want{
		Pass:    []string{"aws_efs_file_system.shared"},
		Fail:    []string{"aws_efs_file_system.scratch", `module.app["api"].aws_efs_file_system.this[0]`},
		Unknown: []string{"aws_efs_file_system.home"},
	})
}
