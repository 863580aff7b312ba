package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSEC2BlockDeviceEncrypted requires the volumes of instances, launch
// templates and launch configurations to be encrypted.
var AWSEC2BlockDeviceEncrypted = check.Check{
	Meta: check.Meta{
		ID:            "aws_ec2_block_device_encrypted",
		Title:         "Instance block devices are encrypted",
		Section:       "security",
		Category:      "encryption_at_rest",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_instance", "aws_launch_template", "aws_launch_configuration"},
		Description: "The root and data volumes of an instance hold the operating system, application files, " +
			"logs and often cached data or credentials. Unless each block device sets encrypted, the AMI's " +
			"snapshots and the account's EBS encryption by default decide, and neither is visible in the plan " +
			"unless it manages aws_ebs_encryption_by_default.",
		Remediation: "Set encrypted = true in root_block_device and every ebs_block_device (ebs { encrypted = " +
			"\"true\" } in launch template block_device_mappings), or enable aws_ebs_encryption_by_default.",
		Example: `resource "aws_launch_template" "app" {
  image_id      = data.aws_ami.al2023.id
  instance_type = "m7g.large"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 30
      encrypted   = "true"
    }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		var v volumeVerdict
		if r.Type == "aws_launch_template" {
			launchTemplateVolumes(r, &v)
		} else {
			instanceVolumes(r, &v)
		}
		e := evText("block devices", "%s", v.describe())
		if len(v.plain) == 0 && len(v.unknown) == 0 {
			return pass(fmt.Sprintf("all %d block device(s) are encrypted", v.total), e)
		}
		if d, found := ebsDefaultEncryption(p, r); found {
			return pass("the plan turns on EBS encryption by default in this region", e, evText("aws_ebs_encryption_by_default", "%s", d.Address))
		}
		if len(v.plain) > 0 {
			return fail("unencrypted block device(s): "+strings.Join(v.plain, ", "), e)
		}
		return unknown("the encryption of "+strings.Join(v.unknown, ", ")+" is known only after apply or decided outside the plan (AMI snapshot, account default)", e)
	},
}

// instanceVolumes reads root_block_device and ebs_block_device of an
// aws_instance or aws_launch_configuration.
func instanceVolumes(r *model.Resource, v *volumeVerdict) {
	root := r.Attr("root_block_device")
	switch {
	case root.Unknown || len(root.List()) == 0:
		v.add("root_block_device", model.Attr{Unknown: true})
	default:
		for i := range root.List() {
			v.add(fmt.Sprintf("root_block_device[%d]", i), r.Attr("root_block_device", i, "encrypted"))
		}
	}
	ebs := r.Attr("ebs_block_device")
	if ebs.Unknown && r.Config != nil && r.ConfiguredBlock("ebs_block_device") != model.NotSet {
		v.add("ebs_block_device", model.Attr{Unknown: true})
	}
	for i := range ebs.List() {
		v.add(fmt.Sprintf("ebs_block_device[%d]", i), r.Attr("ebs_block_device", i, "encrypted"))
	}
}

// launchTemplateVolumes reads block_device_mappings[*].ebs[0].encrypted,
// which the provider keeps as the string "true" or "false".
func launchTemplateVolumes(r *model.Resource, v *volumeVerdict) {
	bdm := r.Attr("block_device_mappings")
	if bdm.Unknown || len(bdm.List()) == 0 {
		v.add("block_device_mappings (unset: the AMI's snapshots decide)", model.Attr{Unknown: true})
		return
	}
	for i := range bdm.List() {
		if len(r.Attr("block_device_mappings", i, "ebs").List()) == 0 {
			continue // instance store or no_device
		}
		name, _ := r.Attr("block_device_mappings", i, "device_name").Str()
		v.add(fmt.Sprintf("block_device_mappings[%d] %s", i, name), r.Attr("block_device_mappings", i, "ebs", 0, "encrypted"))
	}
}
