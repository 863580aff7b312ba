package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AzureAKSAutoscaling requires AKS node pools to run the cluster autoscaler.
var AzureAKSAutoscaling = check.Check{
	Meta: check.Meta{
		ID:            "azure_aks_autoscaling",
		Title:         "AKS node pool autoscales",
		Section:       "deployment",
		Category:      "autoscaling",
		Severity:      check.SeverityMedium,
		Cloud:         "azure",
		ResourceTypes: []string{"azurerm_kubernetes_cluster", "azurerm_kubernetes_cluster_node_pool"},
		Description: "A node pool with a fixed node_count cannot make room for the pods a HorizontalPodAutoscaler " +
			"adds during a spike: they stay Pending. With the cluster autoscaler the pool grows and shrinks between " +
			"min_count and max_count. A cluster is judged by its default node pool.",
		Remediation: "Set auto_scaling_enabled = true (enable_auto_scaling in provider v3) with min_count < max_count.",
		Example: `resource "azurerm_kubernetes_cluster_node_pool" "apps" {
  name                  = "apps"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.main.id
  vm_size               = "Standard_D4s_v5"
  auto_scaling_enabled  = true
  min_count             = 3
  max_count             = 12
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		pool := azureNodePool(r)
		flag := "auto_scaling_enabled"
		if !r.Attr(subPath(pool, flag)...).Present && r.Attr(subPath(pool, "enable_auto_scaling")...).Present {
			flag = "enable_auto_scaling"
		}
		v, e, why := settle(p, r, false, subPath(pool, flag)...)
		if why != "" {
			return unknown(why, e)
		}
		if on, _ := boolOf(v); !on {
			return fail("the node pool has a fixed size: pods added during a spike have no node to run on",
				e, ev(p, r, subPath(pool, "node_count")...))
		}
		lo, hi := r.Attr(subPath(pool, "min_count")...), r.Attr(subPath(pool, "max_count")...)
		evs := []check.Evidence{e, ev(p, r, subPath(pool, "min_count")...), ev(p, r, subPath(pool, "max_count")...)}
		min, okLo := lo.Number()
		max, okHi := hi.Number()
		switch {
		case !okLo || !okHi:
			return unknown("the autoscaling bounds are known only after apply", evs...)
		case max > min:
			return pass(fmt.Sprintf("the node pool scales between %g and %g nodes", min, max), evs...)
		}
		return fail("the autoscaling bounds leave no room to grow", evs...)
	},
}
