package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestCodeCoverageGate(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"gate fails below 80% coverage of new code": {fixture: "testdata/evidence_sonarqube/plan.json", want: checktest.Want{Pass: []string{""}}},
		"coverage threshold of 0":                   {fixture: "testdata/evidence_sonarqube_gaps/plan.json", want: checktest.Want{Unknown: []string{""}}},
		"no SonarQube in the plan":                  {fixture: "testdata/evidence_saas/plan.json", want: checktest.Want{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, CodeCoverageGate, tc.fixture, tc.want)
		})
	}
}

func TestCoverageCondition(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		metric, op, threshold any
		want                  bool
	}{
		"new coverage below 80":     {"new_coverage", "LT", "80", true},
		"overall coverage, number":  {"coverage", "LT", 70.0, true},
		"threshold 0":               {"new_coverage", "LT", "0", false},
		"not a coverage metric":     {"vulnerabilities", "GT", "0", false},
		"coverage above, not below": {"coverage", "GT", "80", false},
		"threshold unknown":         {"coverage", "LT", nil, false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := coverageCondition(tc.metric, tc.op, tc.threshold); got != tc.want {
				t.Errorf("coverageCondition(%v, %v, %v) = %t, want %t", tc.metric, tc.op, tc.threshold, got, tc.want)
			}
		})
	}
}
