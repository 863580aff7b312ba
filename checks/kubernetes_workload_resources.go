package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// KubernetesWorkloadResources requires every container of a workload to
// request CPU and memory and to cap its memory.
var KubernetesWorkloadResources = check.Check{
	Meta: check.Meta{
		ID:            "kubernetes_workload_resources",
		Title:         "Kubernetes containers set resource requests and a memory limit",
		Section:       "deployment",
		Category:      "resource_limits",
		Severity:      check.SeverityMedium,
		Cloud:         "kubernetes",
		ResourceTypes: k8sWorkloadTypes,
		Description: "Without requests the scheduler packs pods blindly and the autoscalers have nothing to " +
			"measure against; without a memory limit one leaking container can exhaust its node and get its " +
			"neighbours evicted. A CPU limit is not required: it throttles bursts even on idle nodes. Requests " +
			"default to the limits, so a limit alone counts as a request. " + helmWorkloadNote +
			" (resources.requests and resources.limits, which merge with the chart's defaults).",
		Remediation: "Set resources.requests.cpu, resources.requests.memory and resources.limits.memory on every " +
			"container (limits.memory equal to requests.memory gives predictable behaviour under pressure).",
		Example: `container {
  name  = "api"
  image = "example/api:1.4.2"
  resources {
    requests = {
      cpu    = "250m"
      memory = "512Mi"
    }
    limits = {
      memory = "512Mi"
    }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return k8sJudge(p, r, resourcesOfWorkload, resourcesOfRelease)
	},
}

func resourcesOfWorkload(p *model.Plan, w k8sWorkload) check.Finding {
	if w.templateRef() {
		return check.Skip // the Deployment it takes over holds the containers
	}
	n, none := w.containers(p)
	if n == 0 {
		return none
	}
	var missing, evidence []check.Evidence
	for i := 0; i < n; i++ {
		res := subPath(k8sPodSpec, "container", i, "resources", 0)
		limits, okL, assumedL := k8sQuantities(w, subPath(res, "limits"))
		requests, okR, assumedR := k8sQuantities(w, subPath(res, "requests"))
		if !okL || !okR {
			return unknown("a container's resources are known only after apply", w.ev(p, res...))
		}
		var lacks []string
		for _, q := range []struct {
			name  string
			found bool
		}{
			{"requests.cpu", k8sHas(requests, "cpu") || k8sHas(limits, "cpu")},
			{"requests.memory", k8sHas(requests, "memory") || k8sHas(limits, "memory")},
			{"limits.memory", k8sHas(limits, "memory")},
		} {
			if !q.found {
				lacks = append(lacks, q.name)
			}
		}
		e := w.ev(p, res...)
		e.Attribute = "container " + w.containerName(i) + " " + e.Attribute
		evidence = append(evidence, e)
		if len(lacks) > 0 {
			m := evText("container "+w.containerName(i), "no %s", strings.Join(lacks, ", "))
			if assumedL || assumedR {
				m = assumeUnset(m, model.Path(res).String())
			}
			missing = append(missing, m)
		}
	}
	if len(missing) > 0 {
		return fail("containers run without resource requests or a memory limit", missing...)
	}
	return pass("every container requests CPU and memory and caps its memory", evidence...)
}

// resourcesOfRelease judges a release's resources value (the main
// container's). A quantity the release does not set may come from the
// chart's default resources, which merge with the release's: unknown. One
// set to null (or under a null mapping) is removed.
func resourcesOfRelease(p *model.Plan, h *helmRelease) check.Finding {
	res, e := h.get(p, "resources")
	switch {
	case res.Unknown:
		return unknown(res.Reason, e)
	case !res.Found:
		return h.hidden("the release leaves resources", e)
	}
	type state int
	const (
		have state = iota
		removed
		left
	)
	read := func(path ...any) (state, string) {
		r := h.values.Lookup(append([]any{"resources"}, path...)...)
		switch {
		case r.Unknown:
			return left, r.Reason
		case !r.Found:
			return left, ""
		case r.Value == nil:
			return removed, ""
		}
		return have, ""
	}
	var lacks, hidden []string
	for _, q := range []struct {
		name string
		any  [][]any
	}{
		{"requests.cpu", [][]any{{"requests", "cpu"}, {"limits", "cpu"}}},
		{"requests.memory", [][]any{{"requests", "memory"}, {"limits", "memory"}}},
		{"limits.memory", [][]any{{"limits", "memory"}}},
	} {
		best := removed
		for _, path := range q.any {
			st, why := read(path...)
			if why != "" {
				return unknown(why, e)
			}
			best = min(best, st)
		}
		switch best {
		case removed:
			lacks = append(lacks, q.name)
		case left:
			hidden = append(hidden, q.name)
		}
	}
	switch {
	case len(lacks) > 0:
		return fail("the release runs its container without "+strings.Join(lacks, ", "), e)
	case len(hidden) > 0:
		return h.hidden("the release leaves resources."+strings.Join(hidden, " and resources."), e)
	}
	return pass("the release requests CPU and memory and caps its memory", e)
}

// k8sQuantities reads a container's limits or requests map; false when it
// is known only after apply. In the typed resources the maps are computed,
// so an unknown map the configuration does not set is empty; assumed says
// a block on the way is missing from the plan's configuration, where a
// dynamic block would not show.
func k8sQuantities(w k8sWorkload, steps []model.Step) (quantities model.Object, known, assumed bool) {
	a := w.attr(steps...)
	if !a.Unknown {
		return a.Object(), true, false
	}
	if !w.manifest {
		if unset, assumed := unsetComputed(w.r, steps...); unset {
			return nil, true, assumed
		}
	}
	return nil, false, false
}

func k8sHas(o model.Object, key string) bool {
	v, ok := o.Get(key)
	return ok && v != nil
}
