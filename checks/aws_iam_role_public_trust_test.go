package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSIAMRolePublicTrust(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSIAMRolePublicTrust, "testdata/aws_iam/plan.json", checktest.Want{
		Pass: []string{
			"aws_iam_role.ecs", "aws_iam_role.partner",
			`module.team["data"].aws_iam_role.this`, `module.team["web"].aws_iam_role.this`,
		},
		Fail:    []string{"aws_iam_role.public"},
		Unknown: []string{"aws_iam_role.dynamic"},
	})
}
