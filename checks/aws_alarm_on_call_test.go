package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSAlarmOnCall(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"topic subscribed to PagerDuty": {fixture: "testdata/aws_alarms/plan.json", want: checktest.Want{Pass: []string{""}}},
		"email and Slack only":          {fixture: "testdata/aws_alarms/email_only/plan.json", want: checktest.Want{Fail: []string{""}}},
		"topic outside the plan":        {fixture: "testdata/aws_alarms/external_topic/plan.json", want: checktest.Want{Unknown: []string{""}}},
		"no alarms":                     {fixture: "testdata/aws_logging/plan.json", want: checktest.Want{}},
		// Issue 14: a CloudWatch alarm to e-mail beside a Grafana rule that
		// pages PagerDuty through the notification policy passes; without
		// the rule, the e-mail is all there is.
		"Grafana pages beside an e-mail alarm": {fixture: "testdata/alerting_grafana_rds/plan.json", want: checktest.Want{Pass: []string{""}}},
		"only the e-mail alarm":                {fixture: "testdata/alerting_grafana_rds/no_rule/plan.json", want: checktest.Want{Fail: []string{""}}},
		"Datadog @pagerduty- handle":           {fixture: "testdata/alerting_datadog/plan.json", want: checktest.Want{Pass: []string{""}}},
		"a composite alarm pages":              {fixture: "testdata/alerting_composite/plan.json", want: checktest.Want{Pass: []string{""}}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSAlarmOnCall, tc.fixture, tc.want)
		})
	}
}
