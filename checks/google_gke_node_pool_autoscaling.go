package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// GoogleGKENodePoolAutoscaling requires GKE node pools to grow with demand.
var GoogleGKENodePoolAutoscaling = check.Check{
	Meta: check.Meta{
		ID:            "google_gke_node_pool_autoscaling",
		Title:         "GKE node pool autoscales",
		Section:       "deployment",
		Category:      "autoscaling",
		Severity:      check.SeverityMedium,
		Cloud:         "google",
		ResourceTypes: []string{"google_container_node_pool"},
		Description: "A node pool with a fixed node_count cannot make room for the pods a HorizontalPodAutoscaler " +
			"adds during a spike: they stay Pending while the service degrades. The cluster autoscaler grows and " +
			"shrinks the pool between the bounds of its autoscaling block.",
		Remediation: "Add an autoscaling block with min_node_count < max_node_count (per zone) or " +
			"total_min_node_count < total_max_node_count, and drop node_count.",
		Example: `resource "google_container_node_pool" "main" {
  cluster = google_container_cluster.main.id
  autoscaling {
    total_min_node_count = 3
    total_max_node_count = 12
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		a := r.Attr("autoscaling")
		e := ev(p, r, "autoscaling")
		if a.Unknown {
			return unknown("autoscaling is known only after apply", e)
		}
		if len(a.List()) == 0 {
			return fail("the node pool has a fixed size: pods added during a spike have no node to run on",
				e, ev(p, r, "node_count"))
		}
		for _, pair := range [][2]string{{"min_node_count", "max_node_count"}, {"total_min_node_count", "total_max_node_count"}} {
			lo, hi := r.Attr("autoscaling", 0, pair[0]), r.Attr("autoscaling", 0, pair[1])
			if lo.Unknown || hi.Unknown {
				return unknown("the autoscaling bounds are known only after apply", e)
			}
			max, ok := hi.Number()
			if !ok {
				continue
			}
			min, _ := lo.Number()
			evs := []check.Evidence{ev(p, r, "autoscaling", 0, pair[0]), ev(p, r, "autoscaling", 0, pair[1])}
			if max > min {
				return pass(fmt.Sprintf("the node pool scales between %g and %g nodes", min, max), evs...)
			}
			return fail("the autoscaling bounds leave no room to grow", evs...)
		}
		return fail("the autoscaling block sets no maximum node count", e)
	},
}
