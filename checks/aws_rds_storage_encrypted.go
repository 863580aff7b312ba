package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSRDSStorageEncrypted requires encrypted storage on databases.
var AWSRDSStorageEncrypted = check.Check{
	Meta: check.Meta{
		ID:            "aws_rds_storage_encrypted",
		Title:         "Database storage is encrypted at rest",
		Section:       "security",
		Category:      "encryption_at_rest",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_db_instance", "aws_rds_cluster", "aws_neptune_cluster", "aws_docdb_cluster"},
		Description: "Unencrypted database storage leaves the data, its snapshots and its replicas readable by " +
			"anyone who gets at the volumes or a shared snapshot, and fails most compliance regimes. Encryption " +
			"can only be chosen at creation: turning it on later means a snapshot, an encrypted copy and a " +
			"restore. The API default is unencrypted, except for Aurora Serverless v1.",
		Remediation: "Set storage_encrypted = true, with kms_key_id (kms_key_arn on Neptune) for a customer " +
			"managed key; for an existing database, restore an encrypted copy of a snapshot.",
		Example: `resource "aws_db_instance" "main" {
  storage_encrypted = true
  kms_key_id        = aws_kms_key.db.arn
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if r.Type == "aws_rds_cluster" && strAt(r, "engine_mode") == "serverless" {
			return pass("Aurora Serverless v1 always encrypts its storage", ev(p, r, "engine_mode"))
		}
		return flag(p, r, true, false,
			"storage, snapshots and replicas are encrypted",
			"storage is not encrypted: data, snapshots and replicas are readable at rest",
			"storage_encrypted")
	},
}
