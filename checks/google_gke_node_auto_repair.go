package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// GoogleGKENodeAutoRepair requires GKE to replace unhealthy nodes.
var GoogleGKENodeAutoRepair = check.Check{
	Meta: check.Meta{
		ID:            "google_gke_node_auto_repair",
		Title:         "GKE node pool repairs unhealthy nodes",
		Section:       "deployment",
		Category:      "health_check",
		Severity:      check.SeverityMedium,
		Cloud:         "google",
		ResourceTypes: []string{"google_container_node_pool"},
		Description: "With auto-repair GKE watches each node's health and recreates nodes that stay NotReady or " +
			"run out of disk; without it a broken node keeps its pods' capacity out of service until someone " +
			"notices. When the management block is not set GKE decides (clusters on a release channel always " +
			"repair), so the plan cannot tell.",
		Remediation: "Add a management block with auto_repair = true.",
		Example: `resource "google_container_node_pool" "main" {
  cluster = google_container_cluster.main.id
  management {
    auto_repair  = true
    auto_upgrade = true
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		v, e, why := settle(p, r, nil, "management", 0, "auto_repair")
		on, ok := boolOf(v)
		switch {
		case why != "":
			return unknown(why, e)
		case !ok:
			return unknown("the plan does not say whether GKE repairs the pool's nodes", e)
		case on:
			return pass("GKE recreates the pool's unhealthy nodes", e)
		}
		return fail("unhealthy nodes stay in the pool until someone replaces them", e)
	},
}
