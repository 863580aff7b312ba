package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSEFSEncryptionAtRest requires encrypted EFS file systems.
var AWSEFSEncryptionAtRest = check.Check{
	Meta: check.Meta{
		ID:            "aws_efs_encryption_at_rest",
		Title:         "EFS file system is encrypted at rest",
		Section:       "security",
		Category:      "encryption_at_rest",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_efs_file_system"},
		Description: "File systems created through the API are unencrypted unless encrypted = true, and encryption " +
			"can only be chosen at creation: fixing it later means copying the data to a new file system.",
		Remediation: "Set encrypted = true, with kms_key_id for a customer managed key.",
		Example: `resource "aws_efs_file_system" "shared" {
  encrypted  = true
  kms_key_id = aws_kms_key.efs.arn
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return flag(p, r, true, false,
			"file data and metadata are encrypted at rest",
			"the file system is not encrypted at rest",
			"encrypted")
	},
}
