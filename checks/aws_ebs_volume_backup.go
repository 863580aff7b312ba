package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/aws/backup"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSEBSVolumeBackup requires EBS volumes to be snapshotted on a schedule,
// by Data Lifecycle Manager or AWS Backup.
var AWSEBSVolumeBackup = check.Check{
	Meta: check.Meta{
		ID:            "aws_ebs_volume_backup",
		Title:         "EBS volume is snapshotted by a lifecycle policy or AWS Backup",
		Section:       "disaster_recovery",
		Category:      "backup",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_ebs_volume"},
		Description: "An EBS volume has no backup of its own: a deleted volume, a failed one or a bad write is " +
			"gone unless snapshots are taken on a schedule. Data Lifecycle Manager does it for volumes whose " +
			"tags match a policy's target_tags (or, for INSTANCE policies, whose instance's tags do; a default " +
			"policy covers every volume), and AWS Backup for volumes its selections pick. A one-off " +
			"aws_ebs_snapshot is not a schedule.",
		Remediation: "Tag the volume with the target tag of an enabled aws_dlm_lifecycle_policy " +
			"(resource_types = [\"VOLUME\"]), or select it in an aws_backup_selection.",
		Example: `resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
  tags              = { Snapshot = "daily" }
}

resource "aws_dlm_lifecycle_policy" "daily" {
  description        = "daily EBS snapshots"
  execution_role_arn = aws_iam_role.dlm.arn
  policy_details {
    resource_types = ["VOLUME"]
    target_tags    = { Snapshot = "daily" }
    schedule {
      name = "daily"
      create_rule {
        interval = 24
      }
      retain_rule {
        count = 14
      }
    }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		dlm := backup.Snapshots(p, r)
		if dlm.Verdict == backup.Yes {
			return pass("a Data Lifecycle Manager policy snapshots the volume", evText(dlm.By.Address, "%s", dlm.How))
		}
		bk := backup.Covers(p, r)
		if bk.Verdict == backup.Yes {
			return pass("an AWS Backup selection picks the volume", evText(bk.By.Address, "%s", bk.How))
		}
		tags := ev(p, r, "tags_all")
		switch {
		case dlm.Verdict == backup.Maybe:
			return unknown("whether a Data Lifecycle Manager policy targets the volume is known only after apply",
				evText(dlm.By.Address, "%s", dlm.How), tags)
		case bk.Verdict == backup.Maybe:
			return unknown("whether an AWS Backup selection picks the volume is known only after apply",
				evText(bk.By.Address, "%s", bk.How), tags)
		}
		return fail("no Data Lifecycle Manager policy or AWS Backup selection snapshots the volume: its data has no backup",
			evText("aws_dlm_lifecycle_policy", "%d in plan, none targets the volume's tags", dlm.Count),
			evText("aws_backup_selection", "%d in plan, none picks the volume", bk.Count), tags)
	},
}
