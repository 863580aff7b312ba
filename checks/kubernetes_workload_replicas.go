package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// KubernetesWorkloadReplicas requires Deployments and StatefulSets to run at
// least two pods.
var KubernetesWorkloadReplicas = check.Check{
	Meta: check.Meta{
		ID:            "kubernetes_workload_replicas",
		Title:         "Kubernetes workload runs at least two replicas",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityHigh,
		Cloud:         "kubernetes",
		ResourceTypes: k8sWorkloadTypes,
		Description: "A single pod is a single point of failure: a node drain, an eviction or a crash takes the " +
			"service down until a replacement is scheduled and ready. Two or more replicas (spread over nodes and " +
			"zones) keep it serving. When an autoscaler scales the workload, its minimum counts.",
		Remediation: "Set spec.replicas to 2 or more (it defaults to 1), or the minimum of the " +
			"HorizontalPodAutoscaler that scales the workload.",
		Example: `resource "kubernetes_deployment_v1" "api" {
  metadata { name = "api" }
  spec {
    replicas = 3
    # ...
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		w, ok := k8sWorkloadOf(r)
		if !ok {
			return check.Skip
		}
		scalers, undecided := k8sScalersOf(p, w)
		if len(scalers) > 0 {
			s := scalers[0]
			dflt := 1.0
			if s.keda {
				dflt = 0
			}
			v, e, why := settle(p, s.r, dflt, s.minPath()...)
			e.Attribute = s.r.Address + "." + e.Attribute
			link := evText("autoscaler", "%s scales this %s", s.r.Address, w.kind)
			n, ok := numberOf(v)
			switch {
			case why != "":
				return unknown(why, link, e)
			case !ok:
				return unknown("the autoscaler's minimum is not a number", link, e)
			case n >= 2:
				return pass(fmt.Sprintf("the autoscaler keeps at least %g replicas", n), link, e)
			}
			return fail(fmt.Sprintf("the autoscaler may scale the %s down to %g replica(s)", w.kind, n), link, e)
		}
		v, e, why := w.settle(p, 1.0, "spec", 0, "replicas")
		n, isNum := numberOf(v)
		switch {
		case why != "":
			return unknown(why, e)
		case !isNum:
			return unknown("replicas is not a number", e)
		case n >= 2:
			return pass(fmt.Sprintf("the %s runs %g replicas", w.kind, n), e)
		case undecided:
			return unknown("an autoscaler's target is known only after apply: it may scale this workload", e)
		}
		return fail(fmt.Sprintf("the %s runs a single pod: a node drain or crash takes it down", w.kind), e)
	},
}
