package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSKinesisStreamEncryption requires Kinesis data streams to encrypt
// records at rest with KMS.
var AWSKinesisStreamEncryption = check.Check{
	Meta: check.Meta{
		ID:            "aws_kinesis_stream_encryption",
		Title:         "Kinesis stream encrypts records at rest",
		Section:       "security",
		Category:      "encryption_at_rest",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_kinesis_stream"},
		Description: "A Kinesis data stream keeps every record for its retention period (a day by default, up " +
			"to a year). Server-side encryption is off unless encryption_type is KMS: with the default NONE the " +
			"records are stored unencrypted.",
		Remediation: "Set encryption_type = \"KMS\" and kms_key_id (\"alias/aws/kinesis\" or a customer managed " +
			"key); producers and consumers need kms:GenerateDataKey and kms:Decrypt on a customer managed key.",
		Example: `resource "aws_kinesis_stream" "events" {
  name            = "events"
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"
  stream_mode_details {
    stream_mode = "ON_DEMAND"
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		a := r.Attr("encryption_type")
		e := ev(p, r, "encryption_type")
		t, _ := a.Str()
		switch {
		case a.Unknown:
			return unknown("encryption_type is known only after apply", e)
		case !a.Present:
			return unknown("the plan does not hold encryption_type", e)
		case t == "KMS":
			return pass("the stream encrypts records with KMS", e, ev(p, r, "kms_key_id"))
		case t == "":
			e.Value += " (unset: defaults to NONE)"
		}
		return fail("the stream stores records unencrypted", e)
	},
}
