package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// KubernetesWorkloadProbes requires every container of a workload to have
// liveness and readiness probes.
var KubernetesWorkloadProbes = check.Check{
	Meta: check.Meta{
		ID:            "kubernetes_workload_probes",
		Title:         "Kubernetes containers have liveness and readiness probes",
		Section:       "deployment",
		Category:      "health_check",
		Severity:      check.SeverityHigh,
		Cloud:         "kubernetes",
		ResourceTypes: k8sWorkloadTypes,
		Description: "Without a readiness probe a pod receives traffic as soon as its process starts, and keeps " +
			"receiving it when the application can no longer serve; rolling updates then replace healthy pods " +
			"with broken ones. Without a liveness probe a deadlocked process is never restarted. " + helmWorkloadNote +
			" (livenessProbe and readinessProbe; null or enabled: false removes a probe).",
		Remediation: "Give every container a readiness_probe (an endpoint that checks the service can serve) and " +
			"a liveness_probe (one that fails only when a restart would help); add a startup_probe for slow starts.",
		Example: `container {
  name  = "api"
  image = "example/api:1.4.2"
  readiness_probe {
    http_get {
      path = "/ready"
      port = 8080
    }
  }
  liveness_probe {
    http_get {
      path = "/healthz"
      port = 8080
    }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return k8sJudge(p, r, probesOfWorkload, probesOfRelease)
	},
}

func probesOfWorkload(p *model.Plan, w k8sWorkload) check.Finding {
	if w.templateRef() {
		return check.Skip // the Deployment it takes over holds the containers
	}
	n, none := w.containers(p)
	if n == 0 {
		return none
	}
	var missing, evidence []check.Evidence
	for i := 0; i < n; i++ {
		var lacks []string
		for _, probe := range []string{"liveness_probe", "readiness_probe"} {
			path := subPath(k8sPodSpec, "container", i, probe)
			set, ok := w.set(path...)
			if !ok {
				return unknown("a probe is known only after apply", w.ev(p, path...))
			}
			if !set {
				full := w.path(path...)
				lacks = append(lacks, fmt.Sprint(full[len(full)-1]))
			}
		}
		if len(lacks) > 0 {
			missing = append(missing, evText("container "+w.containerName(i), "no %s", strings.Join(lacks, ", no ")))
		}
		evidence = append(evidence, evText("container "+w.containerName(i), "liveness and readiness probes set"))
	}
	if len(missing) > 0 {
		return fail("containers lack health probes: Kubernetes cannot tell when they stop serving", missing...)
	}
	return pass("every container has liveness and readiness probes", evidence...)
}

// probesOfRelease judges a release's livenessProbe and readinessProbe
// values (the main container's). A probe set to null, or with
// enabled: false, is removed; an empty mapping merges into the chart's
// default, which the plan does not hold.
func probesOfRelease(p *model.Plan, h *helmRelease) check.Finding {
	var lacks []string
	var evidence []check.Evidence
	var undecided *check.Finding
	for _, key := range []string{"livenessProbe", "readinessProbe"} {
		res, e := h.get(p, key)
		evidence = append(evidence, e)
		probe, isMap := res.Value.(map[string]any)
		var f check.Finding
		switch {
		case res.Unknown:
			f = unknown(res.Reason, e)
		case !res.Found:
			f = h.hidden("the release leaves "+key, e)
		case res.Value == nil || isMap && probe["enabled"] == false:
			lacks = append(lacks, key)
			continue
		case !isMap:
			f = unknown(key+" is not a probe: how the chart reads it depends on its templates", e)
		case len(probe) == 0:
			f = h.hidden("the release sets "+key+" empty, which leaves the probe", e)
		default:
			continue
		}
		if undecided == nil {
			undecided = &f
		}
	}
	switch {
	case len(lacks) > 0:
		return fail("the release removes its "+strings.Join(lacks, " and ")+": Kubernetes cannot tell when it stops serving", evidence...)
	case undecided != nil:
		undecided.Evidence = evidence
		return *undecided
	}
	return pass("the release sets liveness and readiness probes", evidence...)
}
