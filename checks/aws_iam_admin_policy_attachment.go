package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSIAMAdminPolicyAttachment fails attachments of the AWS managed policies
// that make a role, user or group an administrator.
var AWSIAMAdminPolicyAttachment = check.Check{
	Meta: check.Meta{
		ID:       "aws_iam_admin_policy_attachment",
		Title:    "IAM principal is not given an administrator managed policy",
		Section:  "security",
		Category: "access_control",
		Severity: check.SeverityHigh,
		Cloud:    "aws",
		ResourceTypes: []string{
			"aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment", "aws_iam_group_policy_attachment",
			"aws_iam_policy_attachment", "aws_iam_role",
		},
		Description: "AdministratorAccess allows every action on every resource of the account, and IAMFullAccess " +
			"lets its holder grant itself the same. Attached to a workload's role, a CI user or a group, they turn " +
			"any leak of that principal's credentials into control of the whole account. Policies a team writes " +
			"itself are judged by aws_iam_policy_wildcard.",
		Remediation: "Attach a policy with the actions and resources the principal needs (a customer managed " +
			"aws_iam_policy, or narrower AWS managed policies); keep administrator access for break-glass roles " +
			"assumed by people, with MFA, outside the workload's stack.",
		Example: `resource "aws_iam_role_policy_attachment" "worker" {
  role       = aws_iam_role.worker.name
  policy_arn = aws_iam_policy.worker.arn
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		attr := "policy_arn"
		if r.Type == "aws_iam_role" {
			if r.Configured("managed_policy_arns") == model.NotSet {
				return check.Skip
			}
			attr = "managed_policy_arns"
		}
		return iamJudgeAttachment(p, r, attr)
	},
}
