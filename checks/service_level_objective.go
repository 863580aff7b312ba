package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// sloTypes are the service level objectives of the observability tools.
var sloTypes = []string{"datadog_service_level_objective", "grafana_slo", "newrelic_service_level"}

// ServiceLevelObjective shows that the services have performance targets:
// service level objectives on latency or availability. It is evidence:
// benchmarks kept outside the plan are for the team to attest.
var ServiceLevelObjective = check.Check{
	Meta: check.Meta{
		ID:            "service_level_objective",
		Title:         "Service level objectives define the performance targets",
		Section:       "load_tests",
		Category:      "performance_targets",
		Severity:      check.SeverityLow,
		Evidence:      true,
		ResourceTypes: typeSet(sloTypes, "kubernetes_manifest"),
		Description: "A load test needs a target to pass or fail against: a latency percentile, an availability " +
			"over a window. The check looks at plans that run services and passes when the plan defines such " +
			"targets: a Datadog service level objective, a Grafana SLO, a New Relic service level, or a " +
			"Flagger Canary whose analysis holds metric thresholds (thresholdRange). Otherwise it is unknown, " +
			"once per plan: benchmarks often live in documents, which the team attests. It never fails.",
		Remediation: "Define the service's objectives where its metrics are (datadog_service_level_objective, " +
			"grafana_slo, newrelic_service_level), or attest the documented benchmarks.",
		Example: `resource "datadog_service_level_objective" "orders_latency" {
  name        = "orders p99 latency"
  type        = "monitor"
  monitor_ids = [datadog_monitor.orders_latency.id]

  thresholds {
    timeframe = "30d"
    target    = 99.5
  }
}`,
	},
	Plan: func(p *model.Plan) []check.Finding {
		svcs := services(p)
		if len(svcs) == 0 {
			return nil
		}
		var found []check.Evidence
		for _, r := range p.OfType(sloTypes...) {
			found = append(found, evText(r.Address, "%s in plan", r.Type))
		}
		for _, r := range p.OfType("kubernetes_manifest") {
			if group, kind := manifestKind(r); group == "flagger.app" && kind == "Canary" && canaryHasThresholds(r) {
				found = append(found, evText(r.Address, "a Flagger Canary with metric thresholds"))
			}
		}
		return evidenceVerdict(found, "service level objectives define the services' performance targets",
			"the plan defines no service level objective: attest the performance benchmarks", "services", svcs)
	},
}

// canaryHasThresholds reports whether a Flagger Canary's analysis judges a
// metric against a threshold range.
func canaryHasThresholds(r *model.Resource) bool {
	for _, m := range k8sList(r.Attr("manifest", "spec", "analysis", "metrics").Value) {
		if fieldOf(m, "thresholdRange") != nil {
			return true
		}
	}
	return false
}
