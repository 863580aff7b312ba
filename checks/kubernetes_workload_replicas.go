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
			"zones) keep it serving. When an autoscaler scales the workload, its minimum counts. An Argo Rollout counts " +
			"as a workload; a Deployment a Rollout takes over (spec.workloadRef) is judged on the Rollout. " + helmWorkloadNote +
			" (replicaCount, or autoscaling.minReplicas when autoscaling.enabled).",
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
		return k8sJudge(p, r, replicasOfWorkload, replicasOfRelease)
	},
}

func replicasOfWorkload(p *model.Plan, w k8sWorkload) check.Finding {
	if _, taken := k8sRolloutOf(p, w); taken {
		return check.Skip // the Rollout that takes it over runs its pods
	}
	scalers, undecided := k8sScalersOf(p, w)
	if len(scalers) > 0 {
		return replicasOfScaler(p, scalers[0], w.kind)
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
}

// replicasOfScaler judges the minimum of the autoscaler that scales a
// workload.
func replicasOfScaler(p *model.Plan, s k8sScaler, kind string) check.Finding {
	dflt := 1.0
	if s.keda {
		dflt = 0
	}
	v, e, why := settle(p, s.r, dflt, s.minPath()...)
	e.Attribute = s.r.Address + "." + e.Attribute
	link := evText("autoscaler", "%s scales this %s", s.r.Address, kind)
	n, ok := numberOf(v)
	switch {
	case why != "":
		return unknown(why, link, e)
	case !ok:
		return unknown("the autoscaler's minimum is not a number", link, e)
	case n >= 2:
		return pass(fmt.Sprintf("the autoscaler keeps at least %g replicas", n), link, e)
	}
	return fail(fmt.Sprintf("the autoscaler may scale the %s down to %g replica(s)", kind, n), link, e)
}

// replicasOfRelease judges a release's replicaCount, or with
// autoscaling.enabled its autoscaling.minReplicas, or an autoscaler in the
// plan that targets the release's Deployment.
func replicasOfRelease(p *model.Plan, h *helmRelease) check.Finding {
	if scalers := helmScalersOf(p, h); len(scalers) > 0 {
		return replicasOfScaler(p, scalers[0], "release's Deployment")
	}
	on, eOn, why, known := h.flag(p, "autoscaling", "enabled")
	if known && on {
		res, eMin := h.get(p, "autoscaling", "minReplicas")
		n, isNum := numberOf(res.Value)
		switch {
		case res.Unknown:
			return unknown(res.Reason, eOn, eMin)
		case !res.Found:
			return h.hidden("autoscaling is on, but the release leaves autoscaling.minReplicas", eOn, eMin)
		case !isNum:
			return unknown("autoscaling.minReplicas is not a number", eOn, eMin)
		case n >= 2:
			return pass(fmt.Sprintf("the release's autoscaler keeps at least %g replicas", n), eOn, eMin)
		}
		return fail(fmt.Sprintf("the release's autoscaler may scale it down to %g replica(s)", n), eOn, eMin)
	}
	res, e := h.get(p, "replicaCount")
	switch {
	case res.Unknown:
		return unknown(res.Reason, e, eOn)
	case !res.Found && !known:
		return h.hidden("the release leaves replicaCount and autoscaling.enabled", e, eOn)
	case !res.Found:
		return h.hidden("the release leaves replicaCount", e, eOn)
	case h.leftToChart("autoscaling", "enabled"):
		// Read autoscaling as off: a failure says so, a pass is unknown.
		eOn.Assumption = fmt.Sprintf("autoscaling.enabled is left to %s, whose values are not in the plan", h.chart())
	case !known:
		return why // autoscaling.enabled unknown or not a boolean
	}
	n, isNum := numberOf(res.Value)
	switch {
	case !isNum:
		return unknown("replicaCount is not a number", e, eOn)
	case n >= 2:
		return pass(fmt.Sprintf("the release runs %g replicas", n), e, eOn)
	}
	return fail("the release runs a single pod: a node drain or crash takes it down", e, eOn)
}
