package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// NodePoolSpotCapacity flags Kubernetes node pools on preemptible or spot
// capacity.
var NodePoolSpotCapacity = check.Check{
	Meta: check.Meta{
		ID:       "node_pool_spot_capacity",
		Title:    "Kubernetes node pools run on on-demand capacity",
		Section:  "deployment",
		Category: "instance_choice",
		Severity: check.SeverityMedium,
		ResourceTypes: []string{
			"google_container_node_pool", "google_container_cluster", "aws_eks_node_group",
			"azurerm_kubernetes_cluster_node_pool",
		},
		Description: "Preemptible and spot nodes are reclaimed whenever the cloud needs the capacity, with 30 seconds " +
			"(GCE) to two minutes (AWS) of notice, and GKE preemptible nodes live 24 hours at most: a production " +
			"service on them loses pods in bulk, often all zones at once. The rule: a GKE node pool (or a cluster's " +
			"default pool that is kept) with node_config preemptible or spot true, an EKS node group with " +
			"capacity_type SPOT, or an AKS node pool with priority Spot fails. Unset values are judged by the API " +
			"default, which is on-demand.",
		Remediation: "Run production workloads on an on-demand pool (preemptible = false and spot = false, " +
			"capacity_type = \"ON_DEMAND\", priority = \"Regular\"); keep spot pools for fault-tolerant batch work and " +
			"waive this check for them.",
		Example: `resource "google_container_node_pool" "primary" {
  cluster    = google_container_cluster.main.id
  node_count = 1
  node_config {
    machine_type = "e2-standard-4"
    spot         = false
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		var flags [][]model.Step
		var enumPath []model.Step
		var spotValue, dflt string
		switch r.Type {
		case "google_container_cluster", "google_container_node_pool":
			if r.Type == "google_container_cluster" && instAnyTrue(r, "remove_default_node_pool", "enable_autopilot") {
				return check.Skip // the default pool is removed, or Autopilot manages nodes
			}
			flags = [][]model.Step{subPath(instGKEPool, "preemptible"), subPath(instGKEPool, "spot")}
		case "aws_eks_node_group":
			enumPath, spotValue, dflt = []model.Step{"capacity_type"}, "SPOT", "ON_DEMAND"
		case "azurerm_kubernetes_cluster_node_pool":
			enumPath, spotValue, dflt = []model.Step{"priority"}, "Spot", "Regular"
		}
		var evs []check.Evidence
		spot, undecided := false, false
		for _, path := range flags {
			e, v, known := instSetting(p, r, path, false)
			evs = append(evs, e)
			b, _ := v.(bool)
			spot = spot || b
			undecided = undecided || !known
		}
		if enumPath != nil {
			e, v, known := instSetting(p, r, enumPath, dflt)
			evs = append(evs, e)
			spot = v == spotValue
			undecided = !known
		}
		switch {
		case spot:
			return fail("the node pool runs on preemptible or spot capacity, which the cloud reclaims at short notice", evs...)
		case undecided:
			return unknown("the node pool's capacity type is known only after apply", evs...)
		}
		return pass("the node pool runs on on-demand capacity", evs...)
	},
}
