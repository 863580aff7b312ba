package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSAlarmRunbook(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSAlarmRunbook, "testdata/aws_alarms/plan.json", checktest.Want{
		Pass: []string{
			"aws_cloudwatch_metric_alarm.orders_cpu", "aws_cloudwatch_metric_alarm.orders_free_storage",
			"aws_cloudwatch_metric_alarm.blue_db_cpu", "aws_cloudwatch_metric_alarm.jobs_dlq_depth",
			"aws_cloudwatch_metric_alarm.api_throttles",
			"aws_cloudwatch_metric_alarm.analytics_cpu",      // runbook_url tag
			"aws_cloudwatch_metric_alarm.sessions_throttles", // runbook tag
		},
		Fail: []string{
			"aws_cloudwatch_metric_alarm.analytics_connections",
			`module.queue_alarms["orders"].aws_cloudwatch_metric_alarm.this[0]`,
		},
		Unknown: []string{"aws_cloudwatch_metric_alarm.api_errors"},
	})
}
