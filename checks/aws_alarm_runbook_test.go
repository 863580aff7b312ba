package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSAlarmRunbook(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		// Alarms that notify no one are aws_alarm_actions' failures, not
		// this check's: analytics_connections (actions_enabled false),
		// api_errors (alarm_actions empty) and module.queue_alarms
		// (alarm_actions unset) are not judged.
		"runbook links and tags": {
			fixture: "testdata/aws_alarms/plan.json",
			want: checktest.Want{
				Pass: []string{
					"aws_cloudwatch_metric_alarm.orders_cpu", "aws_cloudwatch_metric_alarm.orders_free_storage",
					"aws_cloudwatch_metric_alarm.blue_db_cpu", "aws_cloudwatch_metric_alarm.jobs_dlq_depth",
					"aws_cloudwatch_metric_alarm.api_throttles",
					"aws_cloudwatch_metric_alarm.analytics_cpu",      // runbook_url tag
					"aws_cloudwatch_metric_alarm.sessions_throttles", // runbook tag
				},
			},
		},
		"only alarms that page someone": {
			fixture: "testdata/aws_alarm_scope/plan.json",
			want: checktest.Want{
				Pass:    []string{"aws_cloudwatch_metric_alarm.api_cpu"},
				Fail:    []string{"aws_cloudwatch_metric_alarm.legacy_queue_depth"},   // pages, no link
				Unknown: []string{"aws_cloudwatch_metric_alarm.reports_volume_burst"}, // description known after apply
				// orders_draft has no alarm_actions: not judged.
			},
		},
		// Issue 14: runbook links on every kind of alert rule.
		"Grafana rules and a CloudWatch alarm": {
			fixture: "testdata/alerting_grafana_rds/plan.json",
			want: checktest.Want{Pass: []string{
				"grafana_rule_group.orders_db", "aws_cloudwatch_metric_alarm.billing",
			}},
		},
		"Datadog monitors": {
			fixture: "testdata/alerting_datadog/plan.json",
			want: checktest.Want{
				Pass: []string{
					"datadog_monitor.orders_cpu", "datadog_monitor.billing_connections", "datadog_monitor.web_cpu",
					"datadog_monitor.orders_api_cpu", "datadog_monitor.nlb_unhealthy", "datadog_monitor.rds_memory",
				},
				Fail: []string{"datadog_monitor.flask_errors"},
			},
		},
		// The children notify through the composite, which carries the link.
		"a composite alarm": {
			fixture: "testdata/alerting_composite/plan.json",
			want:    checktest.Want{Pass: []string{"aws_cloudwatch_composite_alarm.orders_degraded"}},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSAlarmRunbook, tc.fixture, tc.want)
		})
	}
}
