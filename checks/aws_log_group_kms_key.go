package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSLogGroupKMSKey asks CloudWatch log groups to encrypt their data with a
// KMS key the team controls.
var AWSLogGroupKMSKey = check.Check{
	Meta: check.Meta{
		ID:            "aws_log_group_kms_key",
		Title:         "CloudWatch log group is encrypted with a KMS key",
		Section:       "security",
		Category:      "encryption_at_rest",
		Severity:      check.SeverityLow,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_cloudwatch_log_group"},
		Description: "CloudWatch Logs always encrypts log data at rest, with keys of the service's own: hence a " +
			"low severity. Logs still collect what applications should not print (tokens, personal data), and " +
			"only a KMS key of the account (kms_key_id) lets a key policy decide who may read them, records each " +
			"use in CloudTrail, and makes the data unreadable once the key is disabled.",
		Remediation: "Set kms_key_id to a customer managed KMS key whose key policy allows the " +
			"logs.<region>.amazonaws.com service principal to use it for this log group.",
		Example: `resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/api"
  retention_in_days = 30
  kms_key_id        = aws_kms_key.logs.arn
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		set, decided, e := kmsKeySet(p, r, "kms_key_id")
		switch {
		case set:
			return pass("the log group is encrypted with a KMS key of the account", e)
		case !decided:
			return unknown("kms_key_id is known only after apply", e)
		case !r.Attr("kms_key_id").Present:
			return unknown("the plan does not hold kms_key_id", e)
		}
		e.Value += " (unset: service-owned keys)"
		return fail("the log group uses CloudWatch's own keys, not a KMS key the account controls", e)
	},
}
