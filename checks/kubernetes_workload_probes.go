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
			"with broken ones. Without a liveness probe a deadlocked process is never restarted.",
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
		w, ok := k8sWorkloadOf(r)
		if !ok {
			return check.Skip
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
	},
}
