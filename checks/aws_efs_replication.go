package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSEFSReplication requires EFS file systems to replicate to another
// file system, usually in another region.
var AWSEFSReplication = check.Check{
	Meta: check.Meta{
		ID:            "aws_efs_replication",
		Title:         "EFS file system is replicated",
		Section:       "disaster_recovery",
		Category:      "replication",
		CrossRegion:   true,
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_efs_file_system"},
		Description: "EFS replication keeps a read-only copy of a file system in another region (or zone), " +
			"minutes behind, that can be promoted when the source region fails. Restoring from backups " +
			"instead takes far longer for large file systems.",
		Remediation: "Add an aws_efs_replication_configuration with the file system as source_file_system_id " +
			"and a destination region.",
		Example: `resource "aws_efs_replication_configuration" "shared" {
  source_file_system_id = aws_efs_file_system.shared.id
  destination {
    region = "us-west-2"
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if rs := linkedThrough(p, r, "source_file_system_id", strAt(r, "id"), "aws_efs_replication_configuration"); len(rs) > 0 {
			return pass("the file system replicates to another file system",
				evAt(p, rs[0], "destination", 0, "region"))
		}
		if rs := linkedThrough(p, r, "destination", "", "aws_efs_replication_configuration"); len(rs) > 0 {
			return pass("the file system is the replica of another one", evText("aws_efs_replication_configuration", "%s", addresses(rs)))
		}
		return fail("the file system has no replica", evText("aws_efs_replication_configuration", "none for this file system in the plan"))
	},
}
