package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSAlarmCoverage(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"alarms by reference, value and metric query": {
			fixture: "testdata/aws_alarms/plan.json",
			want: checktest.Want{
				Pass: []string{
					"aws_db_instance.orders", "aws_rds_cluster.analytics", `module.db["blue"].aws_db_instance.this[0]`,
					"aws_lambda_function.api", "aws_sqs_queue.jobs_dlq",
				},
				Fail: []string{
					`module.db["green"].aws_db_instance.this[0]`, "aws_lambda_function.worker",
					"aws_autoscaling_group.web", // watched only by a scaling alarm
				},
				Unknown: []string{"aws_dynamodb_table.sessions"},
			},
		},
		"no alarm in the plan": {
			fixture: "testdata/aws_logging/plan.json",
			want: checktest.Want{
				Fail: []string{
					"aws_dynamodb_table.global", "aws_lambda_function.api", "aws_lambda_function.edge",
					"aws_lambda_function.worker", `module.fn["thumbs"].aws_lambda_function.this[0]`,
				},
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSAlarmCoverage, tc.fixture, tc.want)
		})
	}
}

func TestAlarmsWatching(t *testing.T) {
	t.Parallel()
	p := checktest.Load(t, "testdata/aws_alarms/plan.json")
	tests := map[string]struct {
		watching, undecided string
	}{
		"aws_db_instance.orders":      {watching: "aws_cloudwatch_metric_alarm.orders_cpu, aws_cloudwatch_metric_alarm.orders_free_storage"},
		"aws_autoscaling_group.web":   {}, // its only alarm drives scaling
		"aws_dynamodb_table.sessions": {undecided: "aws_cloudwatch_metric_alarm.sessions_throttles"},
	}
	for addr, want := range tests {
		w := alarmsWatching(p, p.Lookup(addr))
		if got := addresses(w.Watching); got != want.watching {
			t.Errorf("%s: watching = %q, want %q", addr, got, want.watching)
		}
		if got := addresses(w.Undecided); got != want.undecided {
			t.Errorf("%s: undecided = %q, want %q", addr, got, want.undecided)
		}
	}
}
