package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSElastiCacheEncryptionAtRest requires at-rest encryption on Redis and
// Valkey replication groups.
var AWSElastiCacheEncryptionAtRest = check.Check{
	Meta: check.Meta{
		ID:            "aws_elasticache_encryption_at_rest",
		Title:         "ElastiCache replication group is encrypted at rest",
		Section:       "security",
		Category:      "encryption_at_rest",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_elasticache_replication_group"},
		Description: "Without at-rest encryption, the swap files and snapshots of a Redis or Valkey replication " +
			"group, including snapshots exported to S3, hold the cached data in the clear. Encryption can only " +
			"be chosen when the group is created.",
		Remediation: "Set at_rest_encryption_enabled = true (optionally with kms_key_id); for an existing group, " +
			"create an encrypted group from a snapshot.",
		Example: `resource "aws_elasticache_replication_group" "main" {
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.cache.arn
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return flag(p, r, true, false,
			"data on disk and in snapshots is encrypted",
			"data on disk and in snapshots is not encrypted",
			"at_rest_encryption_enabled")
	},
}
