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
			"the workload, else by a selector that matches the pod template's labels in the same namespace. " +
			helmWorkloadNote + " (podDisruptionBudget or pdb with enabled or create), or a budget in the plan that " +
			"selects app.kubernetes.io/instance = the release name.",
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
		return k8sJudge(p, r, disruptionBudgetOfWorkload, disruptionBudgetOfRelease)
	},
}

func disruptionBudgetOfWorkload(p *model.Plan, w k8sWorkload) check.Finding {
	if w.templateRef() {
		return check.Skip // its pods carry the labels of the Deployment it takes over, judged there
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
}

// disruptionBudgetOfRelease judges a release's podDisruptionBudget or pdb
// value (its enabled or create switch), or a PodDisruptionBudget in the
// plan that selects the release's pods by the labels the common charts
// give them (app.kubernetes.io/instance and app.kubernetes.io/name).
func disruptionBudgetOfRelease(p *model.Plan, h *helmRelease) check.Finding {
	labels := model.Object{{Name: "app.kubernetes.io/instance", Value: strAt(h.r, "name")}, {Name: "app.kubernetes.io/name", Value: helmChartName(h.r)}}
	for _, b := range k8sPDBIndexOf(p).all {
		if !k8sSameNamespace(k8sNamespace(b.ns), h.namespace()) {
			continue
		}
		if match, ok := k8sSelects(b.r, b.selector, labels); ok && match {
			return pass("a PodDisruptionBudget limits evictions of the release's pods",
				evText("pod disruption budget", "%s selects app.kubernetes.io/instance=%s", b.r.Address, strAt(h.r, "name")))
		}
	}
	var evidence []check.Evidence
	var off, undecided []check.Finding
	for _, key := range []string{"podDisruptionBudget", "pdb"} {
		res, e := h.get(p, key)
		evidence = append(evidence, e)
		budget, isMap := res.Value.(map[string]any)
		switch {
		case res.Unknown:
			undecided = append(undecided, unknown(res.Reason))
			continue
		case !res.Found:
			continue
		case res.Value == nil:
			off = append(off, fail(key+" is null"))
			continue
		case !isMap:
			undecided = append(undecided, unknown(key+" is not a mapping: how the chart reads it depends on its templates"))
			continue
		}
		var sw any
		var hasSwitch bool
		for _, name := range []string{"enabled", "create"} {
			if v, ok := budget[name]; ok {
				sw, hasSwitch = v, true
			}
		}
		switch {
		case sw == true:
			return pass("the release's chart creates a PodDisruptionBudget ("+key+")", e)
		case sw == false || hasSwitch && sw == nil:
			off = append(off, fail(key+" is turned off"))
		case hasSwitch:
			undecided = append(undecided, unknown(key+"'s switch is not a boolean: how the chart reads it depends on its templates"))
		default:
			undecided = append(undecided, h.hidden("the release sets "+key+" but leaves its enabled switch"))
		}
	}
	switch {
	case len(undecided) > 0:
		f := undecided[0]
		f.Evidence = evidence
		return f
	case len(off) > 0:
		return fail("the release turns its PodDisruptionBudget off: a drain may evict every replica at once", evidence...)
	}
	return h.hidden("the release leaves podDisruptionBudget and pdb", evidence...)
}
