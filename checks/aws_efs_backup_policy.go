package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSEFSBackupPolicy requires automatic AWS Backup of EFS file systems.
var AWSEFSBackupPolicy = check.Check{
	Meta: check.Meta{
		ID:            "aws_efs_backup_policy",
		Title:         "EFS file system has automatic backups",
		Section:       "disaster_recovery",
		Category:      "backup",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_efs_file_system"},
		Description: "EFS keeps no snapshots of its own: a deleted directory or a corrupting job is permanent " +
			"without backups. The EFS backup policy turns on daily AWS Backup of the file system (35-day " +
			"retention); file systems created through the API have it off. A file system selected by an " +
			"aws_backup_selection of your own backup plan counts too.",
		Remediation: "Add an aws_efs_backup_policy with backup_policy { status = \"ENABLED\" }, or select the " +
			"file system in an aws_backup_selection.",
		Example: `resource "aws_efs_backup_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id
  backup_policy {
    status = "ENABLED"
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if sel := p.Referrers(r, "aws_backup_selection"); len(sel) > 0 {
			return pass("an AWS Backup plan selects the file system", evText("aws_backup_selection", "%s", addresses(sel)))
		}
		policies := linkedThrough(p, r, "file_system_id", strAt(r, "id"), "aws_efs_backup_policy")
		if len(policies) == 0 {
			e := evText("aws_efs_backup_policy", "none for this file system in the plan")
			if dataCreated(r) {
				return fail("no backup policy: a file system created through the API is not backed up", e)
			}
			return unknown("no backup policy in the plan: automatic backups of an existing file system may be set outside it", e)
		}
		pol := policies[0]
		status := pol.Attr("backup_policy", 0, "status")
		e := evAt(p, pol, "backup_policy", 0, "status")
		switch s, _ := status.Str(); {
		case status.Unknown:
			return unknown("the backup policy status is known only after apply", e)
		case s == "ENABLED" || s == "ENABLING":
			return pass("AWS Backup backs the file system up daily", e)
		}
		return fail("the backup policy turns automatic backups off", e)
	},
}
