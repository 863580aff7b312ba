package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// KubernetesWorkloadAutoscaling requires Deployments and StatefulSets to be
// scaled by a HorizontalPodAutoscaler (or a KEDA ScaledObject).
var KubernetesWorkloadAutoscaling = check.Check{
	Meta: check.Meta{
		ID:            "kubernetes_workload_autoscaling",
		Title:         "Kubernetes workload has a horizontal autoscaler",
		Section:       "deployment",
		Category:      "autoscaling",
		Severity:      check.SeverityMedium,
		Cloud:         "kubernetes",
		ResourceTypes: k8sWorkloadTypes,
		Description: "A fixed replica count cannot absorb a spike: pods saturate, latency climbs and requests " +
			"fail, while quiet hours pay for idle pods. A HorizontalPodAutoscaler (or a KEDA ScaledObject) whose " +
			"scale target is the workload adds and removes replicas with the load. It is linked by reference to " +
			"the workload, else by kind, name and namespace. " + helmWorkloadNote + " (autoscaling.enabled), or an autoscaler in the " +
			"plan that targets the release's name.",
		Remediation: "Add a kubernetes_horizontal_pod_autoscaler_v2 whose spec.scale_target_ref names the " +
			"workload, with min_replicas of 2 or more and a CPU or custom metric target; drop spec.replicas from " +
			"the workload so the two do not fight.",
		Example: `resource "kubernetes_horizontal_pod_autoscaler_v2" "api" {
  metadata { name = "api" }
  spec {
    min_replicas = 3
    max_replicas = 12
    scale_target_ref {
      api_version = "apps/v1"
      kind        = "Deployment"
      name        = kubernetes_deployment_v1.api.metadata[0].name
    }
    metric {
      type = "Resource"
      resource {
        name = "cpu"
        target {
          type                = "Utilization"
          average_utilization = 70
        }
      }
    }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return k8sJudge(p, r, autoscalingOfWorkload, autoscalingOfRelease)
	},
}

func autoscalingOfWorkload(p *model.Plan, w k8sWorkload) check.Finding {
	if _, taken := k8sRolloutOf(p, w); taken {
		return check.Skip // the autoscaler scales the Rollout that takes it over
	}
	scalers, undecided := k8sScalersOf(p, w)
	switch {
	case len(scalers) > 0:
		return pass("an autoscaler scales the "+w.kind,
			evText("autoscaler", "%s targets %s %q", scalers[0].r.Address, w.kind, w.name()))
	case undecided:
		return unknown("an autoscaler's target is known only after apply", evText("autoscaler", "target unknown"))
	}
	return fail("no autoscaler in this plan scales the "+w.kind+": its replica count is fixed",
		w.ev(p, "spec", 0, "replicas"))
}

// autoscalingOfRelease judges a release's autoscaling.enabled, or an
// autoscaler in the plan that targets the release's Deployment.
func autoscalingOfRelease(p *model.Plan, h *helmRelease) check.Finding {
	if scalers := helmScalersOf(p, h); len(scalers) > 0 {
		return pass("an autoscaler scales the release's Deployment",
			evText("autoscaler", "%s targets %q", scalers[0].r.Address, strAt(h.r, "name")))
	}
	on, e, why, known := h.flag(p, "autoscaling", "enabled")
	switch {
	case !known:
		return why
	case on:
		return pass("the release's chart creates an autoscaler (autoscaling.enabled)", e)
	}
	return fail("the release turns autoscaling off: its replica count is fixed", e)
}
