package checks

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// KubernetesDeploymentRollingUpdate requires Deployments to roll out
// gradually, keeping serving pods while new ones start.
var KubernetesDeploymentRollingUpdate = check.Check{
	Meta: check.Meta{
		ID:            "kubernetes_deployment_rolling_update",
		Title:         "Kubernetes Deployment rolls out gradually",
		Section:       "deployment",
		Category:      "rollback",
		Severity:      check.SeverityMedium,
		Cloud:         "kubernetes",
		ResourceTypes: k8sDeploymentTypes,
		Description: "The Recreate strategy, or a rolling update whose max_unavailable is 100% or the whole " +
			"replica count, stops every old pod before the new ones are ready: each release is an outage, and a " +
			"bad release leaves nothing serving while it is rolled back. A gradual rolling update (the default, " +
			"25%) keeps old pods serving and stops at the first new pods that fail their readiness probe. " +
			helmWorkloadNote + " (strategy.type and strategy.rollingUpdate.maxUnavailable).",
		Remediation: "Use strategy type RollingUpdate (the default) with max_unavailable below the replica count, " +
			"e.g. \"25%\" or 0 with max_surge = 1.",
		Example: `spec {
  replicas = 3
  strategy {
    type = "RollingUpdate"
    rolling_update {
      max_unavailable = "0"
      max_surge       = "1"
    }
  }
  # ...
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return k8sJudge(p, r, rollingUpdateOfWorkload, rollingUpdateOfRelease)
	},
}

func rollingUpdateOfWorkload(p *model.Plan, w k8sWorkload) check.Finding {
	if w.kind != "Deployment" {
		return check.Skip
	}
	if _, taken := k8sRolloutOf(p, w); taken {
		return check.Skip // the Rollout that takes it over rolls it out
	}
	typ, eType, why := w.settle(p, "RollingUpdate", "spec", 0, "strategy", 0, "type")
	switch {
	case why != "":
		return unknown(why, eType)
	case typ == "Recreate":
		return fail("every pod is stopped before the new ones start: each release is an outage", eType)
	}
	mu, eMU, why := w.settle(p, "25%", "spec", 0, "strategy", 0, "rolling_update", 0, "max_unavailable")
	if why != "" {
		return unknown(why, eType, eMU)
	}
	s := strings.TrimSpace(fmt.Sprint(mu))
	if pct, isPct := strings.CutSuffix(s, "%"); isPct {
		if n, err := strconv.Atoi(pct); err == nil && n >= 100 {
			return fail("the rollout may take every pod down at once", eType, eMU)
		}
		return pass("the rollout replaces pods gradually", eType, eMU)
	}
	n, isNum := numberOf(mu)
	if !isNum {
		return unknown("max_unavailable is not a number or a percentage", eType, eMU)
	}
	if rep, ok := w.attr("spec", 0, "replicas").Number(); ok && n >= rep {
		return fail("max_unavailable allows the rollout to take every pod down at once",
			eType, eMU, w.ev(p, "spec", 0, "replicas"))
	}
	return pass("the rollout replaces pods gradually", eType, eMU)
}

// rollingUpdateOfRelease judges a release's strategy value (the
// Deployment strategy the common charts pass through).
func rollingUpdateOfRelease(p *model.Plan, h *helmRelease) check.Finding {
	typ, eType := h.get(p, "strategy", "type")
	switch {
	case typ.Unknown:
		return unknown(typ.Reason, eType)
	case !typ.Found:
		return h.hidden("the release leaves strategy", eType)
	case typ.Value == "Recreate":
		return fail("every pod is stopped before the new ones start: each release is an outage", eType)
	case typ.Value != nil && typ.Value != "RollingUpdate":
		return unknown("strategy.type is neither RollingUpdate nor Recreate", eType)
	}
	mu, eMU := h.get(p, "strategy", "rollingUpdate", "maxUnavailable")
	switch {
	case mu.Unknown:
		return unknown(mu.Reason, eType, eMU)
	case !mu.Found:
		return h.hidden("the release leaves strategy.rollingUpdate.maxUnavailable", eType, eMU)
	case mu.Value == nil:
		return pass("the rollout replaces pods gradually (maxUnavailable defaults to 25%)", eType, eMU)
	}
	s := strings.TrimSpace(fmt.Sprint(mu.Value))
	if pct, isPct := strings.CutSuffix(s, "%"); isPct {
		if n, err := strconv.Atoi(pct); err == nil && n >= 100 {
			return fail("the rollout may take every pod down at once", eType, eMU)
		}
		return pass("the rollout replaces pods gradually", eType, eMU)
	}
	n, isNum := numberOf(mu.Value)
	if !isNum {
		return unknown("maxUnavailable is not a number or a percentage", eType, eMU)
	}
	rep, eRep := h.get(p, "replicaCount")
	if r, ok := numberOf(rep.Value); ok && !rep.Unknown && n >= r {
		return fail("maxUnavailable allows the rollout to take every pod down at once", eType, eMU, eRep)
	}
	return pass("the rollout replaces pods gradually", eType, eMU)
}
