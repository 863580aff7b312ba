package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AzureAKSZones requires AKS node pools to span availability zones.
var AzureAKSZones = check.Check{
	Meta: check.Meta{
		ID:            "azure_aks_zones",
		Title:         "AKS node pool spans availability zones",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityHigh,
		Cloud:         "azure",
		ResourceTypes: []string{"azurerm_kubernetes_cluster", "azurerm_kubernetes_cluster_node_pool"},
		Description: "Nodes of a pool without zones share one datacenter, so a zone outage takes every pod on " +
			"them down at once. A pool over two or more zones keeps nodes (and, with topology spread, replicas) " +
			"running elsewhere. Zones are fixed when the pool is created. A cluster is judged by its default node pool.",
		Remediation: "Set zones = [\"1\", \"2\", \"3\"] on default_node_pool and on each " +
			"azurerm_kubernetes_cluster_node_pool (availability_zones in provider v2).",
		Example: `resource "azurerm_kubernetes_cluster" "main" {
  # ...
  default_node_pool {
    name    = "system"
    vm_size = "Standard_D4s_v5"
    zones   = ["1", "2", "3"]
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		pool := azureNodePool(r)
		attr := "zones"
		if a := r.Attr(subPath(pool, "availability_zones")...); a.Present && !r.Attr(subPath(pool, "zones")...).Present {
			attr = "availability_zones"
		}
		n, e, why := azureZoneCount(p, r, subPath(pool, attr)...)
		switch {
		case why != "":
			return unknown(why, e)
		case n > 1:
			return pass(fmt.Sprintf("the node pool spreads nodes over %d zones", n), e)
		case n == 1:
			return fail("the node pool is pinned to one zone", e)
		}
		return fail("the node pool uses no availability zones: a datacenter outage takes its nodes down", e)
	},
}
