package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// KubernetesWorkloadTopologySpread requires workloads to spread their pods
// over zones.
var KubernetesWorkloadTopologySpread = check.Check{
	Meta: check.Meta{
		ID:            "kubernetes_workload_topology_spread",
		Title:         "Kubernetes workload spreads its pods over zones",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityMedium,
		Cloud:         "kubernetes",
		ResourceTypes: k8sWorkloadTypes,
		Description: "The scheduler may place every replica in one zone (often on one node), so a zone outage " +
			"takes them all at once. A topology spread constraint or a pod anti-affinity on " +
			"topology.kubernetes.io/zone keeps replicas in different zones; spreading over hostnames alone does " +
			"not survive a zone outage. " + helmWorkloadNote + " (topologySpreadConstraints and affinity.podAntiAffinity).",
		Remediation: "Add a topology_spread_constraint with topology_key = \"topology.kubernetes.io/zone\", " +
			"max_skew = 1 and a label_selector matching the pods (or a preferred pod_anti_affinity on that key).",
		Example: `spec {
  topology_spread_constraint {
    max_skew           = 1
    topology_key       = "topology.kubernetes.io/zone"
    when_unsatisfiable = "ScheduleAnyway"
    label_selector {
      match_labels = { app = "api" }
    }
  }
  # container { ... }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return k8sJudge(p, r, topologySpreadOfWorkload, topologySpreadOfRelease)
	},
}

func topologySpreadOfWorkload(p *model.Plan, w k8sWorkload) check.Finding {
	if w.templateRef() {
		return check.Skip // the Deployment it takes over holds the pod spec
	}
	keys, where, known := k8sTopologyKeys(w)
	if !known {
		return unknown("the pod spec's scheduling constraints are known only after apply", w.ev(p, where...))
	}
	var e []check.Evidence
	zone := false
	for _, k := range keys {
		e = append(e, w.ev(p, k...))
		if s, _ := w.attr(k...).Str(); s == "topology.kubernetes.io/zone" || s == "failure-domain.beta.kubernetes.io/zone" {
			zone = true
		}
	}
	switch {
	case zone:
		return pass("the pods are spread over zones", e...)
	case len(keys) > 0:
		return fail("the pods are spread over nodes but not over zones", e...)
	}
	return fail("nothing keeps the pods in different zones: one zone outage can take every replica",
		w.ev(p, subPath(k8sPodSpec, "topology_spread_constraint")...),
		w.ev(p, subPath(k8sPodSpec, "affinity")...))
}

// topologySpreadOfRelease judges a release's topologySpreadConstraints and
// affinity.podAntiAffinity values. Lists replace the chart's default, but
// affinity merges with it: the release fails only when every place a zone
// spread could come from is visible without one.
func topologySpreadOfRelease(p *model.Plan, h *helmRelease) check.Finding {
	zone := func(v any) bool {
		s, _ := v.(string)
		return s == "topology.kubernetes.io/zone" || s == "failure-domain.beta.kubernetes.io/zone"
	}
	places := []struct {
		path []any
		key  []string
	}{
		{[]any{"topologySpreadConstraints"}, []string{"topologyKey"}},
		{[]any{"affinity", "podAntiAffinity", "requiredDuringSchedulingIgnoredDuringExecution"}, []string{"topologyKey"}},
		{[]any{"affinity", "podAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution"}, []string{"podAffinityTerm", "topologyKey"}},
	}
	var evidence []check.Evidence
	closed := true // every place is visible and has no zone key
	for _, pl := range places {
		res, e := h.get(p, pl.path...)
		evidence = append(evidence, e)
		list, isList := res.Value.([]any)
		switch {
		case res.Unknown:
			return unknown(res.Reason, e)
		case !res.Found:
			closed = false
			continue
		case res.Value != nil && !isList:
			return unknown(helmKey(pl.path)+" is not a list: how the chart reads it depends on its templates", e)
		}
		for _, item := range list {
			var v any = item
			for _, k := range pl.key {
				m, _ := v.(map[string]any)
				v = m[k]
			}
			if zone(v) {
				return pass("the release spreads its pods over zones", e)
			}
		}
	}
	if closed {
		return fail("nothing keeps the release's pods in different zones: one zone outage can take every replica", evidence...)
	}
	return h.hidden("the release leaves topologySpreadConstraints and affinity", evidence...)
}

// k8sTopologyKeys returns the paths of every topology key in the pod spec's
// spread constraints and pod anti-affinity terms, or false (and the path
// concerned) when some of them are known only after apply.
func k8sTopologyKeys(w k8sWorkload) ([][]model.Step, []model.Step, bool) {
	at := func(steps ...model.Step) []model.Step {
		return subPath(k8sPodSpec, steps...)
	}
	var keys [][]model.Step
	spread := at("topology_spread_constraint")
	lists := []struct {
		list []model.Step
		key  []model.Step
	}{
		{spread, []model.Step{"topology_key"}},
		{at("affinity", 0, "pod_anti_affinity", 0, "required_during_scheduling_ignored_during_execution"), []model.Step{"topology_key"}},
		{at("affinity", 0, "pod_anti_affinity", 0, "preferred_during_scheduling_ignored_during_execution"), []model.Step{"pod_affinity_term", 0, "topology_key"}},
	}
	for _, l := range lists {
		a := w.attr(l.list...)
		if a.Unknown {
			return nil, l.list, false
		}
		for i := range a.List() {
			k := subPath(subPath(l.list, i), l.key...)
			if w.attr(k...).Unknown {
				return nil, k, false
			}
			if s, _ := w.attr(k...).Str(); strings.TrimSpace(s) != "" {
				keys = append(keys, k)
			}
		}
	}
	return keys, nil, true
}
