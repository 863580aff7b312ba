package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestOnCallRotation(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"pagerduty layers": {fixture: "testdata/oncall_pagerduty/plan.json", want: checktest.Want{
			// Two users the plan creates are told apart by their references.
			Pass: []string{"pagerduty_schedule.pair"},
			// One user (the case), and a schedule whose second layer has one.
			Fail: []string{"pagerduty_schedule.follow_the_sun", "pagerduty_schedule.solo"},
			// users known only after apply, as a whole.
			Unknown: []string{"pagerduty_schedule.roster"},
		}},
		"incident manager rotations": {fixture: "testdata/oncall_aws/plan.json", want: checktest.Want{
			Pass: []string{"aws_ssmcontacts_rotation.pair"},
			Fail: []string{"aws_ssmcontacts_rotation.solo"},
		}},
		"opsgenie, grafana oncall and datadog on-call": {fixture: "testdata/oncall_saas/plan.json", want: checktest.Want{
			Pass: []string{"datadog_on_call_schedule.pair", "grafana_oncall_on_call_shift.rolling", "opsgenie_schedule_rotation.pair"},
			// A null user is no one: one person is left.
			Fail: []string{"datadog_on_call_schedule.with_gap", "grafana_oncall_on_call_shift.solo", "opsgenie_schedule_rotation.solo"},
			// A team's members and an iCal feed are outside the plan.
			Unknown: []string{"grafana_oncall_schedule.external", "opsgenie_schedule_rotation.team"},
		}},
		"no on-call tooling": {fixture: "testdata/aws_alarms/plan.json", want: checktest.Want{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, OnCallRotation, tc.fixture, tc.want)
		})
	}
}
