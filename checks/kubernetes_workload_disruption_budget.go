package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// KubernetesWorkloadDisruptionBudget requires a PodDisruptionBudget over
// each workload's pods.
var KubernetesWorkloadDisruptionBudget = check.Check{
	Meta: check.Meta{
		ID:            "kubernetes_workload_disruption_budget",
		Title:         "Kubernetes workload has a PodDisruptionBudget",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityMedium,
		Cloud:         "kubernetes",
		ResourceTypes: k8sWorkloadTypes,
		Description: "Node upgrades, autoscaler scale-downs and drains evict pods without regard for the " +
			"service: without a PodDisruptionBudget they may evict every replica at once. A budget (min_available " +
			"or max_unavailable) makes them wait until enough replicas run elsewhere. It is linked by reference to " +
			"the workload, else by a selector that matches the pod template's labels in the same namespace.",
		Remediation: "Add a kubernetes_pod_disruption_budget_v1 whose selector matches the pod template's labels, " +
			"with max_unavailable = 1 (or a min_available below the replica count, so drains can proceed).",
		Example: `resource "kubernetes_pod_disruption_budget_v1" "api" {
  metadata { name = "api" }
  spec {
    max_unavailable = "1"
    selector {
      match_labels = kubernetes_deployment_v1.api.spec[0].template[0].metadata[0].labels
    }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		w, ok := k8sWorkloadOf(r)
		if !ok {
			return check.Skip
		}
		pdbs, undecided := k8sPDBsOf(p, w)
		labels := w.ev(p, "spec", 0, "template", 0, "metadata", 0, "labels")
		switch {
		case len(pdbs) > 0:
			return pass("a PodDisruptionBudget limits evictions of the "+w.kind+"'s pods",
				evText("pod disruption budget", "%s selects these pods", pdbs[0].Address), labels)
		case undecided:
			return unknown("a disruption budget's selector or the pod labels are known only after apply", labels)
		}
		return fail("no PodDisruptionBudget covers the pods: a drain may evict every replica at once", labels)
	},
}
