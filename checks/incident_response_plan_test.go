package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestIncidentResponsePlan(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"pagerduty incident workflow with a trigger":    {fixture: "testdata/oncall_pagerduty/plan.json", want: checktest.Want{Pass: []string{""}}},
		"response plan that engages an escalation plan": {fixture: "testdata/oncall_aws/plan.json", want: checktest.Want{Pass: []string{""}}},
		// On-call tooling without a response plan: evidence is unknown, never a failure.
		"on-call tooling, no response plan": {fixture: "testdata/oncall_saas/plan.json", want: checktest.Want{Unknown: []string{""}}},
		// Alarms alone are not on-call tooling: no finding.
		"alarms without on-call tooling": {fixture: "testdata/aws_app_alarms/plan.json", want: checktest.Want{}},
		"nothing to do with on-call":     {fixture: "testdata/plan_destructive/nothing/plan.json", want: checktest.Want{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, IncidentResponsePlan, tc.fixture, tc.want)
		})
	}
}
