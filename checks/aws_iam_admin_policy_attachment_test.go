package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSIAMAdminPolicyAttachment(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"attachments": {
			fixture: "testdata/aws_iam/plan.json",
			want: checktest.Want{
				Pass: []string{
					"aws_iam_policy_attachment.legacy_users", "aws_iam_role.partner", "aws_iam_user_policy_attachment.ci",
					`module.team["web"].aws_iam_role_policy_attachment.this[0]`,
				},
				Fail: []string{
					"aws_iam_group_policy_attachment.ops", "aws_iam_role_policy_attachment.worker_admin",
					`module.team["data"].aws_iam_role_policy_attachment.this[0]`,
				},
				Unknown: []string{"aws_iam_role_policy_attachment.external"},
			},
		},
		"users": {
			fixture: "testdata/aws_iam/user_unknown/plan.json",
			want: checktest.Want{
				Pass: []string{"aws_iam_user_policy_attachment.break_glass", "aws_iam_user_policy_attachment.svc"},
			},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSIAMAdminPolicyAttachment, tt.fixture, tt.want)
		})
	}
}
