package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// KubernetesProgressiveDelivery requires Deployments to be released
// progressively: by an Argo Rollout with a canary or blue-green strategy,
// or under a Flagger Canary.
var KubernetesProgressiveDelivery = check.Check{
	Meta: check.Meta{
		ID:            "kubernetes_progressive_delivery",
		Title:         "Kubernetes Deployment is released by canary or blue-green",
		Section:       "deployment",
		Category:      "deployment_strategy",
		Severity:      check.SeverityLow,
		Cloud:         "kubernetes",
		ResourceTypes: k8sDeploymentTypes,
		Description: "A Deployment's rolling update sends every user to the new version as soon as its pods are " +
			"ready: a bad release reaches everyone before anyone notices. An Argo Rollout (argoproj.io) with a " +
			"canary strategy shifts traffic in steps and can stop on failing analysis; a blueGreen strategy keeps " +
			"the old version serving until the new one is promoted; a Flagger Canary (flagger.app) does the same " +
			"for the Deployment its targetRef names. A Rollout passes by its strategy, a Deployment when a Rollout " +
			"takes it over (spec.workloadRef) or a Canary targets it, by name and namespace; a plain Deployment " +
			"fails. A helm_release of the team's own chart (not a cluster add-on) is judged through its rendered " +
			"manifest when the plan holds one; otherwise its templates may render a Rollout, so it passes only " +
			"when a Canary or Rollout in the plan targets its Deployment and is unknown else.",
		Remediation: "Replace the Deployment with an Argo Rollout (strategy.canary with setWeight and pause steps, " +
			"or strategy.blueGreen), point a Rollout's spec.workloadRef at it, or add a Flagger Canary whose " +
			"targetRef names it; install the argo-rollouts or flagger chart in the cluster.",
		Example: `resource "kubernetes_manifest" "api" {
  manifest = {
    apiVersion = "argoproj.io/v1alpha1"
    kind       = "Rollout"
    metadata   = { name = "api", namespace = "shop" }
    spec = {
      replicas = 3
      selector = { matchLabels = { app = "api" } }
      strategy = {
        canary = {
          steps = [{ setWeight = 20 }, { pause = { duration = "5m" } }, { setWeight = 50 }, { pause = {} }]
        }
      }
      template = { /* the pod template, as a Deployment's */ }
    }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return k8sJudge(p, r, progressiveOfWorkload, progressiveOfRelease)
	},
}

func progressiveOfWorkload(p *model.Plan, w k8sWorkload) check.Finding {
	switch w.kind {
	case "Rollout":
		var evidence []check.Evidence
		for _, strategy := range []string{"canary", "blue_green"} {
			path := []model.Step{"spec", 0, "strategy", 0, strategy}
			set, ok := w.set(path...)
			e := w.ev(p, path...)
			evidence = append(evidence, e)
			switch {
			case !ok:
				return unknown("the Rollout's strategy is known only after apply", e)
			case set && strategy == "canary":
				return pass("the Rollout shifts traffic to a new version in canary steps", e)
			case set:
				return pass("the Rollout keeps the old version serving until the new one is promoted (blue-green)", e)
			}
		}
		return fail("the Rollout has neither a canary nor a blueGreen strategy", evidence...)
	case "Deployment":
		if ro, ok := k8sRolloutOf(p, w); ok {
			return pass("an Argo Rollout takes the Deployment over and releases it progressively",
				evText("rollout", "%s names it in spec.workloadRef", ro.Address))
		}
		canaries, undecided := k8sCanariesFor(p, []string{w.name()}, w.namespace())
		switch {
		case len(canaries) > 0:
			return pass("a Flagger Canary releases the Deployment progressively",
				evText("canary", "%s targets Deployment %q", canaries[0].Address, w.name()))
		case undecided:
			return unknown("a Flagger Canary's target is known only after apply", evText("canary", "target unknown"))
		}
		return fail("the Deployment sends every user to a new version at once: no Argo Rollout or Flagger Canary releases it",
			evText("deployment strategy", "%s %q, no Rollout or Canary names it", w.kind, w.name()))
	}
	return check.Skip
}

// progressiveOfRelease judges a release without a rendered manifest: a
// Canary in the plan or a Rollout's workloadRef that names the Deployment
// the release creates passes it; otherwise its chart's templates decide.
func progressiveOfRelease(p *model.Plan, h *helmRelease) check.Finding {
	names := h.names()
	canaries, undecided := k8sCanariesFor(p, names, h.namespace())
	if len(canaries) > 0 {
		return pass("a Flagger Canary releases the release's Deployment progressively",
			evText("canary", "%s targets Deployment %q", canaries[0].Address, strings.Join(names, `" or "`)))
	}
	for _, name := range names {
		if ro, ok := k8sRolloutNaming(p, name, h.namespace()); ok {
			return pass("an Argo Rollout takes the release's Deployment over and releases it progressively",
				evText("rollout", "%s names %q in spec.workloadRef", ro.Address, name))
		}
	}
	e := evAt(p, h.r, "chart")
	if undecided {
		return unknown("a Flagger Canary's target is known only after apply", e)
	}
	return unknown(fmt.Sprintf("how the release rolls out is in the templates of %s, which the plan does not hold: "+
		"they may render an Argo Rollout, and no Flagger Canary or Rollout in the plan names its Deployment", h.chart()), e)
}

type k8sCanaryIndexKey struct{}

// k8sCanariesFor returns the Flagger Canaries whose targetRef names a
// Deployment called one of names in namespace ns. undecided is true when
// some Canary's target is known only after apply.
func k8sCanariesFor(p *model.Plan, names []string, ns string) (found []*model.Resource, undecided bool) {
	all := p.Memo(k8sCanaryIndexKey{}, func() any {
		var out []*model.Resource
		for _, r := range k8sManifests(p) {
			kind, _ := r.Attr("manifest", "kind").Str()
			api, _ := r.Attr("manifest", "apiVersion").Str()
			if kind == "Canary" && strings.HasPrefix(api, "flagger.app/") {
				out = append(out, r)
			}
		}
		return out
	}).([]*model.Resource)
	for _, c := range all {
		kind := c.Attr("manifest", "spec", "targetRef", "kind")
		name := c.Attr("manifest", "spec", "targetRef", "name")
		if kind.Unknown || name.Unknown {
			undecided = true
			continue
		}
		k, _ := kind.Str()
		n, _ := name.Str()
		if (k == "Deployment" || k == "") && slices.Contains(names, n) && n != "" &&
			k8sSameNamespace(k8sNamespace(c.Attr("manifest", "metadata", "namespace")), ns) {
			found = append(found, c)
		}
	}
	return found, undecided
}
