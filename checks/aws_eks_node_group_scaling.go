package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSEKSNodeGroupScaling requires an EKS node group to have room to scale
// and something that scales it.
var AWSEKSNodeGroupScaling = check.Check{
	Meta: check.Meta{
		ID:            "aws_eks_node_group_scaling",
		Title:         "EKS node group can scale between a minimum and a maximum",
		Section:       "deployment",
		Category:      "autoscaling",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_eks_node_group"},
		Description: "A managed node group with min_size equal to max_size can never add nodes, so pods " +
			"that do not fit stay pending during a spike. With room between the two, EKS still does not scale " +
			"by itself: the cluster-autoscaler or Karpenter, running in the cluster, changes the desired size. " +
			"The plan shows them only when it installs them (a helm_release), so otherwise the result is unknown.",
		Remediation: "Set scaling_config.max_size above min_size and run the cluster-autoscaler (or Karpenter) " +
			"in the cluster, for example with a helm_release in the same configuration.",
		Example: `resource "aws_eks_node_group" "default" {
  # ...
  scaling_config {
    min_size     = 2
    desired_size = 3
    max_size     = 10
  }
}

resource "helm_release" "cluster_autoscaler" {
  name       = "cluster-autoscaler"
  repository = "https://kubernetes.github.io/autoscaler"
  chart      = "cluster-autoscaler"
  namespace  = "kube-system"
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		e := []check.Evidence{ev(p, r, "scaling_config", 0, "min_size"), ev(p, r, "scaling_config", 0, "max_size")}
		lo, ok1 := r.Attr("scaling_config", 0, "min_size").Number()
		hi, ok2 := r.Attr("scaling_config", 0, "max_size").Number()
		if !ok1 || !ok2 {
			return unknown("scaling_config is known only after apply", e...)
		}
		if lo >= hi {
			return fail(fmt.Sprintf("the node group has a fixed size of %g node(s): it cannot grow under load", hi), e...)
		}
		if h := nodeAutoscalerRelease.in(p); h != nil {
			e = append(e, evAt(p, h, "chart"))
			return pass(fmt.Sprintf("the node group can scale between %g and %g nodes, and the plan installs %s", lo, hi, helmChartName(h)), e...)
		}
		return unknown(fmt.Sprintf("the node group can scale between %g and %g nodes, but scaling needs the cluster-autoscaler or Karpenter, which the plan does not show", lo, hi), e...)
	},
}

// nodeAutoscalerRelease finds a helm_release that installs the
// cluster-autoscaler or Karpenter.
var nodeAutoscalerRelease = &firstMatch{
	types: []string{"helm_release"},
	test: func(h *model.Resource) bool {
		chart := helmChartName(h)
		return chart == "cluster-autoscaler" || chart == "karpenter"
	},
}
