package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSEFSMultiAZ(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSEFSMultiAZ, "testdata/aws_efs/plan.json", checktest.Want{
		Pass:    []string{"aws_efs_file_system.home", "aws_efs_file_system.shared"},
		Fail:    []string{"aws_efs_file_system.scratch"},
		Unknown: []string{`module.app["api"].aws_efs_file_system.this[0]`},
	})
}
