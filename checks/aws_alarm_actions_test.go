package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSAlarmActions(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"actions, none, disabled and unknown": {
			fixture: "testdata/aws_alarms/plan.json",
			want: checktest.Want{
				Pass: []string{
					"aws_cloudwatch_metric_alarm.orders_cpu", "aws_cloudwatch_metric_alarm.orders_free_storage",
					"aws_cloudwatch_metric_alarm.analytics_cpu", "aws_cloudwatch_metric_alarm.blue_db_cpu",
					"aws_cloudwatch_metric_alarm.sessions_throttles", "aws_cloudwatch_metric_alarm.jobs_dlq_depth",
				},
				Fail: []string{
					"aws_cloudwatch_metric_alarm.api_errors",                            // alarm_actions = []
					"aws_cloudwatch_metric_alarm.analytics_connections",                 // actions_enabled = false
					`module.queue_alarms["orders"].aws_cloudwatch_metric_alarm.this[0]`, // alarm_actions null
				},
				// The topic is a CloudFormation stack output, known after apply.
				Unknown: []string{"aws_cloudwatch_metric_alarm.api_throttles"},
			},
		},
		// Issue 14: children without actions of a composite alarm that
		// notifies alert through it.
		"children of a composite alarm": {
			fixture: "testdata/alerting_composite/plan.json",
			want: checktest.Want{Pass: []string{
				"aws_cloudwatch_composite_alarm.orders_degraded",
				"aws_cloudwatch_metric_alarm.orders_cpu", "aws_cloudwatch_metric_alarm.orders_storage",
			}},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSAlarmActions, tc.fixture, tc.want)
		})
	}
}
