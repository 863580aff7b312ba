package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSEBSVolumeEncrypted requires EBS volumes to be encrypted.
var AWSEBSVolumeEncrypted = check.Check{
	Meta: check.Meta{
		ID:            "aws_ebs_volume_encrypted",
		Title:         "EBS volume is encrypted",
		Section:       "security",
		Category:      "encryption_at_rest",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_ebs_volume"},
		Description: "An unencrypted EBS volume keeps its data, its snapshots and the volumes restored from " +
			"them in clear text. When encrypted is not set, the volume is encrypted only if the account " +
			"turned on EBS encryption by default in the region (or the source snapshot is encrypted), which " +
			"the plan shows only when it manages aws_ebs_encryption_by_default itself.",
		Remediation: "Set encrypted = true (with kms_key_id for a customer-managed key), or enable " +
			"aws_ebs_encryption_by_default in every region the account uses.",
		Example: `resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  type              = "gp3"
  encrypted         = true
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		a := r.Attr("encrypted")
		e := ev(p, r, "encrypted")
		on, ok := a.Bool()
		if ok && on {
			return pass("the volume is encrypted", e)
		}
		if d, found := ebsDefaultEncryption(p, r); found {
			return pass("the plan turns on EBS encryption by default in the volume's region", e, evText("aws_ebs_encryption_by_default", "%s", d.Address))
		}
		switch {
		case ok:
			return fail("the volume is not encrypted", e)
		case a.Unknown && r.Configured("encrypted") != model.NotSet:
			return unknown("encrypted is known only after apply", e)
		case r.Configured("snapshot_id") != model.NotSet:
			return unknown("encrypted is not set: the volume takes the encryption of its snapshot", e, ev(p, r, "snapshot_id"))
		}
		return unknown("encrypted is not set: the volume is encrypted only if the account's EBS encryption by default is on, which lies outside the plan", e)
	},
}
