package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestOnCallEscalation(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"pagerduty policies": {fixture: "testdata/oncall_pagerduty/plan.json", want: checktest.Want{
			// Two levels paging two users the plan creates; a level paging a schedule.
			Pass: []string{"pagerduty_escalation_policy.rotation", "pagerduty_escalation_policy.two_levels"},
			// One rule, one user: num_loops pages the same person again.
			Fail: []string{"pagerduty_escalation_policy.solo"},
			// Two targets whose IDs are known only after apply, from no person resource.
			Unknown: []string{"pagerduty_escalation_policy.pending"},
		}},
		"incident manager escalation plans": {fixture: "testdata/oncall_aws/plan.json", want: checktest.Want{
			Pass: []string{"aws_ssmcontacts_plan.escalation"},
			Fail: []string{"aws_ssmcontacts_plan.solo_escalation"},
			// aws_ssmcontacts_plan.ana engages a person's own channels: not an escalation.
		}},
		"opsgenie, grafana oncall and datadog on-call": {fixture: "testdata/oncall_saas/plan.json", want: checktest.Want{
			Pass: []string{"opsgenie_escalation.rotation"},
			Fail: []string{"datadog_on_call_escalation_policy.solo", "grafana_oncall_escalation_chain.solo", "opsgenie_escalation.solo"},
			// A team's members are outside the plan.
			Unknown: []string{"opsgenie_escalation.team"},
		}},
		"no on-call tooling": {fixture: "testdata/aws_alarms/plan.json", want: checktest.Want{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, OnCallEscalation, tc.fixture, tc.want)
		})
	}
}
