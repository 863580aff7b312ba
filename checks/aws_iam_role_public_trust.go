package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSIAMRolePublicTrust fails roles whose trust policy lets any principal
// of any AWS account assume them.
var AWSIAMRolePublicTrust = check.Check{
	Meta: check.Meta{
		ID:            "aws_iam_role_public_trust",
		Title:         "IAM role cannot be assumed by anyone",
		Section:       "security",
		Category:      "access_control",
		Severity:      check.SeverityCritical,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_iam_role"},
		Description: "A trust policy that allows Principal \"*\" (or {\"AWS\": \"*\"}, or uses NotPrincipal) " +
			"without a condition lets any identity in any AWS account call sts:AssumeRole and act with the " +
			"role's permissions. The role's own policies then protect nothing.",
		Remediation: "Name the principals that may assume the role (a service such as ecs-tasks.amazonaws.com, " +
			"an account or role ARN, an OIDC provider) in assume_role_policy; if the principal must stay broad, " +
			"add a Condition such as aws:PrincipalOrgID or sts:ExternalId.",
		Example: `data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "task" {
  name               = "task"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return iamJudgeBad(p, iamDocs(p, r, "assume_role_policy", "assume_role_policy"), iamTrustsAnyone,
			"the trust policy lets any principal of any AWS account assume the role, without a condition",
			"a trust statement may let anyone assume the role: parts of it are known only after apply",
			"the trust policy names who may assume the role",
			"trusts every principal without a condition")
	},
}
