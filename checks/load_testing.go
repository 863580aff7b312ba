package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// loadTestTypes are the resources that may run load or stress tests.
var loadTestTypes = []string{
	"grafana_k6_load_test", "grafana_k6_schedule", "helm_release", "kubernetes_manifest", "aws_fis_experiment_template",
}

// loadTestCharts are the Helm charts of load-testing tools: the k6
// operator, Locust, and Flagger's load tester.
var loadTestCharts = map[string]bool{"k6-operator": true, "locust": true, "loadtester": true, "flagger-loadtester": true}

// loadTestKinds are the custom resources of the k6 operator, by API group.
var loadTestKinds = map[string]map[string]bool{"k6.io": {"TestRun": true, "K6": true}}

// stressActions are the Fault Injection Service actions that put a workload
// under CPU, memory or I/O stress.
var stressActions = map[string]bool{
	"aws:eks:pod-cpu-stress": true, "aws:eks:pod-memory-stress": true, "aws:eks:pod-io-stress": true,
	"aws:ecs:task-cpu-stress": true, "aws:ecs:task-io-stress": true,
}

// LoadTesting shows that load or stress testing tooling runs beside the
// plan's services. It is evidence: that the tests ran at expected and peak
// traffic, and what they found, are for the team to attest.
var LoadTesting = check.Check{
	Meta: check.Meta{
		ID:            "load_testing",
		Title:         "Load or stress tests are set up for the services",
		Section:       "load_tests",
		Category:      "load_testing",
		Severity:      check.SeverityLow,
		Evidence:      true,
		ResourceTypes: typeSet(loadTestTypes),
		Description: "A service that was never driven past its expected traffic fails at the first peak, in " +
			"ways nobody has seen: connection pools, autoscaling lag, a database's limits. The check looks at " +
			"plans that run services and passes when the plan sets up load or stress testing: a Grafana " +
			"Cloud k6 load test or schedule, the k6 operator, Locust or Flagger's load tester installed by " +
			"Helm, a k6 TestRun manifest, a Flagger Canary whose analysis calls a load tester, or a Fault " +
			"Injection Service template with a CPU, memory or I/O stress action. Otherwise it is unknown, " +
			"once per plan: load tests usually run from CI or a laptop, which the team attests. It never fails.",
		Remediation: "Schedule a load test (grafana_k6_load_test with a grafana_k6_schedule, or a k6 TestRun run " +
			"by the k6 operator), or call Flagger's load tester from the canary analysis; or attest the load " +
			"and stress tests the team runs.",
		Example: `resource "helm_release" "k6_operator" {
  name       = "k6-operator"
  repository = "https://grafana.github.io/helm-charts"
  chart      = "k6-operator"
  namespace  = "k6"
}`,
	},
	Plan: func(p *model.Plan) []check.Finding {
		svcs := services(p)
		if len(svcs) == 0 {
			return nil
		}
		var found []check.Evidence
		for _, r := range p.OfType(loadTestTypes...) {
			if what := loadTestOf(r); what != "" {
				found = append(found, evText(r.Address, "%s", what))
			}
		}
		return evidenceVerdict(found, "load or stress testing is set up for the plan's services",
			"the plan sets up no load or stress testing: attest the tests the team runs", "services", svcs)
	},
}

// loadTestOf says how r tests load, or "" when it does not.
func loadTestOf(r *model.Resource) string {
	switch r.Type {
	case "grafana_k6_load_test", "grafana_k6_schedule":
		return r.Type + " in plan"
	case "helm_release":
		if name := helmChartName(r); loadTestCharts[name] {
			return "installs the " + name + " chart"
		}
	case "kubernetes_manifest":
		group, kind := manifestKind(r)
		if loadTestKinds[group][kind] {
			return "a " + group + " " + kind
		}
		if group == "flagger.app" && kind == "Canary" && canaryCallsLoadTester(r) {
			return "a Flagger Canary whose analysis calls a load tester"
		}
	case "aws_fis_experiment_template":
		for _, a := range r.Attr("action").List() {
			if id, _ := fieldOf(a, "action_id").(string); stressActions[id] {
				return "runs " + id
			}
		}
	}
	return ""
}

// canaryCallsLoadTester reports whether a Flagger Canary's analysis has a
// webhook that calls a load tester (flagger-loadtester, or a URL naming
// loadtester).
func canaryCallsLoadTester(r *model.Resource) bool {
	for _, w := range k8sList(r.Attr("manifest", "spec", "analysis", "webhooks").Value) {
		if url, _ := fieldOf(w, "url").(string); strings.Contains(strings.ToLower(url), "loadtester") {
			return true
		}
	}
	return false
}
