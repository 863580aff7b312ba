package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSDynamoDBEncryptionAtRest records how a DynamoDB table is encrypted:
// always, with an AWS owned key unless a KMS key is configured.
var AWSDynamoDBEncryptionAtRest = check.Check{
	Meta: check.Meta{
		ID:            "aws_dynamodb_encryption_at_rest",
		Title:         "DynamoDB table is encrypted at rest",
		Section:       "security",
		Category:      "encryption_at_rest",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_dynamodb_table"},
		Description: "DynamoDB encrypts every table at rest: with an AWS owned key when server_side_encryption is " +
			"unset, or with a KMS key (AWS managed or your own) when it is enabled. The check records which, so " +
			"that the scorecard shows encryption at rest as verified; a KMS key adds key policies and CloudTrail " +
			"records of its use.",
		Remediation: "Nothing to do for encryption itself. For control over the key, add server_side_encryption " +
			"with enabled = true and kms_key_arn.",
		Example: `resource "aws_dynamodb_table" "main" {
  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.tables.arn
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		e := ev(p, r, "server_side_encryption")
		if on, ok := r.Attr("server_side_encryption", 0, "enabled").Bool(); ok && on {
			return pass("the table is encrypted with a KMS key", e, ev(p, r, "server_side_encryption", 0, "kms_key_arn"))
		}
		e.Value += " (DynamoDB always encrypts at rest; AWS owned key when unset)"
		return pass("the table is encrypted at rest with an AWS owned key", e)
	},
}
