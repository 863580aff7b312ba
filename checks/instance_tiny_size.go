package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/instancetypes"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// InstanceTinySize flags services on nano, micro and other sub-2 GiB types.
var InstanceTinySize = check.Check{
	Meta: check.Meta{
		ID:            "instance_tiny_size",
		Title:         "Service instances are larger than nano or micro",
		Section:       "deployment",
		Category:      "instance_choice",
		Severity:      check.SeverityMedium,
		ResourceTypes: instComputeTypes,
		Description: "A nano or micro instance has too little memory for a service runtime, its agents and a traffic " +
			"spike: the kernel's OOM killer or a spent CPU credit balance takes it down under the first real load. The " +
			"rule: a virtual machine, launch template or Kubernetes node type fails when its size is nano or micro, " +
			"when it has less than 2 GiB of memory (Azure Standard_B1s, Standard_A1), or when it is a shared-core type " +
			"below medium (GCE e2-micro, e2-small, f1-micro, g1-small). Burstable types of small size and up (t3.small, " +
			"t3.medium, e2-medium) pass here: whether they suit steady load is a judgement for the team.",
		Remediation: "Choose at least a small general-purpose type with 2 GiB or more, such as t4g.small or m7g.large on " +
			"AWS, e2-standard-2 on Google Cloud or Standard_D2s_v5 on Azure, and scale out with more instances.",
		Example: `resource "aws_instance" "app" {
  ami           = data.aws_ami.al2023.id
  instance_type = "m7g.large"
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return instJudge(p, r, instTiny, "the instance type has room for a service", "instance type too small for a service")
	},
}

// instTiny says why a type is too small for a service, or "".
func instTiny(t instancetypes.Type) string {
	switch {
	case t.Size == "nano" || t.Size == "micro":
		return fmt.Sprintf("a %s size (%g GiB)", t.Size, t.MemoryGiB)
	case t.VCPUs > 0 && t.MemoryGiB < 2:
		return fmt.Sprintf("a type with only %g GiB of memory", t.MemoryGiB)
	case t.SharedCore && t.Size == "small":
		return "a shared-core type with a fraction of a core"
	}
	return ""
}
