package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSSNSEncryptionAtRest requires SNS topics to encrypt messages at rest
// with a KMS key.
var AWSSNSEncryptionAtRest = check.Check{
	Meta: check.Meta{
		ID:            "aws_sns_encryption_at_rest",
		Title:         "SNS topic encrypts messages with a KMS key",
		Section:       "security",
		Category:      "encryption_at_rest",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_sns_topic"},
		Description: "SNS stores each message until every subscription has it, retrying for hours or days when " +
			"an endpoint fails. Server-side encryption of those messages is off unless the topic names a KMS " +
			"key (kms_master_key_id): the AWS managed alias/aws/sns, or a customer managed key whose policy " +
			"lets the publishers use it.",
		Remediation: "Set kms_master_key_id on the aws_sns_topic: \"alias/aws/sns\", or a customer managed key " +
			"for publishers such as CloudWatch alarms and EventBridge, which cannot use the AWS managed one.",
		Example: `resource "aws_sns_topic" "alerts" {
  name              = "alerts"
  kms_master_key_id = aws_kms_key.sns.id
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		set, decided, e := kmsKeySet(p, r, "kms_master_key_id")
		switch {
		case set:
			return pass("the topic encrypts messages with a KMS key", e)
		case !decided:
			return unknown("kms_master_key_id is known only after apply", e)
		case !r.Attr("kms_master_key_id").Present:
			return unknown("the plan does not hold kms_master_key_id", e)
		}
		e.Value += " (unset: no server-side encryption)"
		return fail("the topic does not encrypt messages at rest", e)
	},
}
