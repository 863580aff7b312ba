package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSIAMPolicyWildcard fails IAM policies that allow every action of a
// service, or of all services, on every resource without a condition.
var AWSIAMPolicyWildcard = check.Check{
	Meta: check.Meta{
		ID:       "aws_iam_policy_wildcard",
		Title:    "IAM policy does not allow all actions on all resources",
		Section:  "security",
		Category: "access_control",
		Severity: check.SeverityHigh,
		Cloud:    "aws",
		ResourceTypes: []string{
			"aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy", "aws_iam_role",
		},
		Description: "A statement that allows \"*\" or \"service:*\" (or uses NotAction) on Resource \"*\" " +
			"without a condition gives whoever holds the policy every permission of that service in the " +
			"account: a leaked key or a compromised workload can then read every bucket, delete every table " +
			"or, with \"*\" or \"iam:*\", make itself administrator. Least privilege names the actions and the " +
			"resources a workload needs.",
		Remediation: "List the actions the workload calls (s3:GetObject, s3:PutObject) and the ARNs it calls " +
			"them on, in the policy JSON or the data.aws_iam_policy_document it comes from; where a broad " +
			"grant is really needed, narrow it with a Condition.",
		Example: `data "aws_iam_policy_document" "reports" {
  statement {
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["${aws_s3_bucket.reports.arn}/*"]
  }
}

resource "aws_iam_role_policy" "reports" {
  role   = aws_iam_role.worker.id
  policy = data.aws_iam_policy_document.reports.json
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		var docs []iamDoc
		if r.Type == "aws_iam_role" {
			if r.ConfiguredBlock("inline_policy") == model.NotSet {
				return check.Skip
			}
			docs = iamInlineDocs(p, r)
			if len(docs) == 0 {
				return check.Skip // every inline policy is an aws_iam_role_policy, judged there
			}
		} else {
			docs = iamDocs(p, r, "policy", "policy")
		}
		return iamJudgeBad(p, docs, iamGrantsAll,
			"the policy allows every action of a service (or of all) on every resource, without a condition",
			"a statement may allow every action on every resource: parts of it are known only after apply",
			"no statement allows a whole service on every resource without a condition",
			"allows \"*\" or \"service:*\" on \"*\" without a condition")
	},
}
