package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSEKSGPUAMIType requires EKS node groups of accelerated instance types to
// run an AMI type with the drivers for their accelerators.
var AWSEKSGPUAMIType = check.Check{
	Meta: check.Meta{
		ID:            "aws_eks_gpu_ami_type",
		Title:         "EKS GPU node groups use an accelerated AMI type",
		Section:       "deployment",
		Category:      "instance_choice",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_eks_node_group"},
		Description: "GPU and Neuron instances are only useful with their drivers and device plugin, which the standard " +
			"EKS AMIs (AL2_x86_64, AL2023_x86_64_STANDARD, BOTTLEROCKET_x86_64) do not carry: the nodes join, but pods " +
			"requesting nvidia.com/gpu or aws.amazon.com/neuron never schedule. The rule: a managed node group whose " +
			"instance_types include an NVIDIA GPU type needs AL2_x86_64_GPU or an *_NVIDIA ami_type; one with Inferentia " +
			"or Trainium types needs AL2_x86_64_GPU or AL2023_x86_64_NEURON. AMD and Gaudi accelerators have no " +
			"EKS-optimized AMI. A CUSTOM AMI (from a launch template) or an ami_type chosen at apply is unknown.",
		Remediation: "Set ami_type = \"AL2023_x86_64_NVIDIA\" (or BOTTLEROCKET_x86_64_NVIDIA) for NVIDIA types, " +
			"\"AL2023_x86_64_NEURON\" for inf2 and trn1, or use a launch template with an AMI that has the drivers.",
		Example: `resource "aws_eks_node_group" "gpu" {
  cluster_name   = aws_eks_cluster.main.name
  node_role_arn  = aws_iam_role.node.arn
  subnet_ids     = var.private_subnet_ids
  ami_type       = "AL2023_x86_64_NVIDIA"
  instance_types = ["g6.xlarge"]
  scaling_config {
    desired_size = 2
    max_size     = 4
    min_size     = 1
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		var accel []instNamed
		for _, nt := range instTypes(p, r) {
			if nt.found && instAccelerated(nt.typ) {
				accel = append(accel, nt)
			}
		}
		if len(accel) == 0 {
			return check.Skip // no type known to carry an accelerator
		}
		evs := []check.Evidence{ev(p, r, "ami_type")}
		for _, nt := range accel {
			evs = append(evs, nt.ev)
		}
		a := r.Attr("ami_type")
		ami, ok := a.Str()
		switch {
		case a.Unknown && r.Configured("ami_type") == model.NotSet, a.Null():
			evs[0].Value += " (unset: EKS chooses the AMI type)"
			return unknown("ami_type is unset: the plan cannot show whether EKS picks an accelerated AMI", evs...)
		case !ok:
			return unknown("ami_type is known only after apply", evs...)
		case ami == "CUSTOM":
			return unknown("the node group runs a custom AMI from its launch template: its drivers are not in the plan", evs...)
		}
		var bad []string
		for _, nt := range accel {
			if !instAMIServes(ami, nt.typ) {
				bad = append(bad, nt.typ.Name+" ("+instAccelName(nt.typ)+")")
			}
		}
		if len(bad) > 0 {
			return fail("ami_type "+ami+" has no drivers for "+strings.Join(bad, ", "), evs...)
		}
		return pass("the AMI type carries the drivers for the node group's accelerators", evs...)
	},
}
