package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSEKSNodeGroupMultiAZ requires an EKS managed node group to place nodes
// in two or more Availability Zones.
var AWSEKSNodeGroupMultiAZ = check.Check{
	Meta: check.Meta{
		ID:            "aws_eks_node_group_multi_az",
		Title:         "EKS node group spans two or more Availability Zones",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_eks_node_group"},
		Description: "A managed node group places nodes only in the Availability Zones of its subnet_ids. " +
			"Nodes in a single zone go down together with it, and every pod scheduled on them with them; " +
			"subnets in two or more zones let the group and the Kubernetes scheduler keep replicas apart.",
		Remediation: "Set subnet_ids to subnets in at least two Availability Zones, usually the VPC's private subnets.",
		Example: `resource "aws_eks_node_group" "default" {
  cluster_name  = aws_eks_cluster.main.name
  node_role_arn = aws_iam_role.node.arn
  subnet_ids    = module.vpc.private_subnets # one per zone
  scaling_config {
    min_size     = 2
    desired_size = 3
    max_size     = 6
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return subnetSpread(p, r, "subnet_ids").finding("the node group's subnets")
	},
}
