package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSS3EncryptionAtRest requires an explicit default encryption
// configuration on S3 buckets.
var AWSS3EncryptionAtRest = check.Check{
	Meta: check.Meta{
		ID:            "aws_s3_encryption_at_rest",
		Title:         "S3 bucket declares default encryption",
		Section:       "security",
		Category:      "encryption_at_rest",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_s3_bucket"},
		Description: "Since January 2023 S3 encrypts every new object with S3 managed keys (SSE-S3) even without " +
			"configuration, so a bucket without an encryption configuration is encrypted in practice but not by " +
			"anything the plan shows: the result is unknown rather than pass. An explicit configuration records " +
			"the choice, and is the only way to use KMS keys (key policies, CloudTrail records of each use).",
		Remediation: "Add an aws_s3_bucket_server_side_encryption_configuration for the bucket (AWS provider v4 " +
			"and later), or the server_side_encryption_configuration block on older providers.",
		Example: `resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.s3.arn
    }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if cs := s3Linked(p, r, "aws_s3_bucket_server_side_encryption_configuration"); len(cs) > 0 {
			return pass("the bucket has an explicit default encryption configuration",
				evAt(p, cs[0], "rule", 0, "apply_server_side_encryption_by_default", 0, "sse_algorithm"))
		}
		a := r.Attr("server_side_encryption_configuration")
		e := ev(p, r, "server_side_encryption_configuration")
		if len(a.List()) > 0 {
			return pass("the bucket has an explicit default encryption configuration", e)
		}
		e.Value += "; no aws_s3_bucket_server_side_encryption_configuration in the plan (S3 applies SSE-S3 by default since 2023-01)"
		return unknown("no explicit encryption configuration: S3's default SSE-S3 encryption applies, which the plan cannot show", e)
	},
}
