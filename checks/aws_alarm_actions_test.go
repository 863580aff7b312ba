package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSAlarmActions(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSAlarmActions, "testdata/aws_alarms/plan.json", checktest.Want{
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
	})
}
