package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSIAMPolicyWildcard(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSIAMPolicyWildcard, "testdata/aws_iam/plan.json", checktest.Want{
		Pass: []string{
			"aws_iam_policy.reports", "aws_iam_role.ecs", "aws_iam_role_policy.worker",
			`module.team["data"].aws_iam_role_policy.this`,
		},
		Fail: []string{
			"aws_iam_group_policy.ops", "aws_iam_policy.admin", "aws_iam_policy.notaction", "aws_iam_role.partner",
			"aws_iam_user_policy.ci", `module.team["web"].aws_iam_role_policy.this`,
		},
		Unknown: []string{
			"aws_iam_role_policy.logs",
			// Roles with no inline_policy in main.tf: from the plan alone
			// (known only after apply, missing from its configuration) it may
			// be a dynamic block.
			"aws_iam_role.dynamic", "aws_iam_role.public",
			`module.team["data"].aws_iam_role.this`, `module.team["web"].aws_iam_role.this`,
		},
	})
}
