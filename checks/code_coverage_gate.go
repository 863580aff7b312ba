package checks

import (
	"strconv"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// coverageMetrics are SonarQube's coverage metrics: of the whole code and
// of the new code.
var coverageMetrics = map[string]bool{"coverage": true, "new_coverage": true}

// CodeCoverageGate shows that code coverage is measured and enforced: a
// SonarQube quality gate that fails a build below a coverage threshold.
// It is evidence: coverage measured outside Terraform-managed gates, and
// whether the level is acceptable, are for the team to attest.
var CodeCoverageGate = check.Check{
	Meta: check.Meta{
		ID:            "code_coverage_gate",
		Title:         "A quality gate enforces a code coverage threshold",
		Section:       "quality",
		Category:      "code_coverage",
		Severity:      check.SeverityLow,
		Evidence:      true,
		ResourceTypes: []string{"sonarqube_qualitygate", "sonarqube_qualitygate_condition"},
		Description: "Coverage that is measured but never enforced drifts down one change at a time. The check " +
			"looks at plans that manage SonarQube (any sonarqube_ resource) and passes when a quality gate " +
			"holds a coverage condition: a condition block of sonarqube_qualitygate, or a " +
			"sonarqube_qualitygate_condition, on the coverage or new_coverage metric with the LT operator and " +
			"a threshold above 0. Otherwise it is unknown, once per plan: coverage gates in CI (Codecov, " +
			"pytest --cov-fail-under) are for the team to attest. It never fails.",
		Remediation: "Add a condition on new_coverage (op = \"LT\", threshold = \"80\") to the quality gate the " +
			"project uses, or attest how coverage is enforced.",
		Example: `resource "sonarqube_qualitygate" "main" {
  name = "orders"

  condition {
    metric    = "new_coverage"
    op        = "LT"
    threshold = "80"
  }
}`,
	},
	Plan: func(p *model.Plan) []check.Finding {
		tooling := ofTypePrefix(p, "sonarqube_")
		if len(tooling) == 0 {
			return nil
		}
		var found []check.Evidence
		for _, r := range p.OfType("sonarqube_qualitygate") {
			for i, c := range r.Attr("condition").List() {
				if coverageCondition(fieldOf(c, "metric"), fieldOf(c, "op"), fieldOf(c, "threshold")) {
					found = append(found, evAt(p, r, "condition", i, "threshold"))
				}
			}
		}
		for _, r := range p.OfType("sonarqube_qualitygate_condition") {
			threshold := r.Attr("threshold").Value
			if threshold == nil {
				threshold = r.Attr("error").Value // the attribute's name before threshold
			}
			if coverageCondition(r.Attr("metric").Value, r.Attr("op").Value, threshold) {
				found = append(found, evText(r.Address, "a %v condition", r.Attr("metric").Value))
			}
		}
		return evidenceVerdict(found, "a quality gate enforces a code coverage threshold",
			"the plan's SonarQube quality gates hold no coverage condition: attest how coverage is enforced",
			"SonarQube resources", tooling)
	},
}

// coverageCondition reports whether a quality gate condition fails a build
// whose coverage is below a threshold above 0.
func coverageCondition(metric, op, threshold any) bool {
	m, _ := metric.(string)
	o, _ := op.(string)
	if !coverageMetrics[m] || o != "LT" {
		return false
	}
	switch t := threshold.(type) {
	case string:
		n, err := strconv.ParseFloat(t, 64)
		return err == nil && n > 0
	case float64:
		return t > 0
	}
	return false
}
