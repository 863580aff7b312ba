package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSIAMUserDirectPolicy flags IAM users that hold policies of their own
// instead of getting permissions from groups (or being roles).
var AWSIAMUserDirectPolicy = check.Check{
	Meta: check.Meta{
		ID:            "aws_iam_user_direct_policy",
		Title:         "IAM user gets permissions only through groups",
		Section:       "security",
		Category:      "access_control",
		Severity:      check.SeverityLow,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_iam_user"},
		Description: "Policies attached to users one by one drift apart and are hard to review or revoke " +
			"together; a user's long-lived access keys carry whatever was attached. Workloads should run as " +
			"roles with temporary credentials, and people should get permissions from groups (or from " +
			"IAM Identity Center), so that access is granted and removed in one place.",
		Remediation: "Move the user's aws_iam_user_policy and aws_iam_user_policy_attachment (and its entries in " +
			"aws_iam_policy_attachment users) to a group the user joins with aws_iam_user_group_membership; for a " +
			"workload, replace the user and its access keys with a role it assumes.",
		Example: `resource "aws_iam_group_policy_attachment" "deployers" {
  group      = aws_iam_group.deployers.name
  policy_arn = aws_iam_policy.deploy.arn
}

resource "aws_iam_user_group_membership" "ci" {
  user   = aws_iam_user.ci.name
  groups = [aws_iam_group.deployers.name]
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		direct := iamUserPolicies(p, r)
		if len(direct) > 0 {
			return fail("the user holds policies of its own rather than through a group or a role",
				evText("policies", "%s", addresses(direct)))
		}
		if others := iamUnattributedUserPolicies(p); len(others) > 0 {
			return unknown("policies in the plan name a user known only after apply, which may be this one",
				evText("policies", "%s name a user known only after apply", addresses(others)))
		}
		return pass("no policy in the plan is attached to the user directly",
			evText("policies", "no aws_iam_user_policy, aws_iam_user_policy_attachment or aws_iam_policy_attachment names the user"))
	},
}
