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
		// Regression: alarms on aws_lb resources whose dimensions are known
		// only after apply left the aws_alb unknown, as if aws_alb and
		// aws_lb were different resources.
		"alarms on aws_lb beside an unwatched aws_alb": {
			fixture: "testdata/aws_app_alarms/plan.json",
			want: checktest.Want{
				Pass: []string{
					"aws_lb.api", "aws_lb.web", "aws_lb.internal[0]", "module.edge.aws_lb.this",
					"aws_sqs_queue.jobs_dlq[0]", "aws_sqs_queue.orders_dlq", "aws_sqs_queue.payments_dlq",
					"module.queue.aws_sqs_queue.dlq",
				},
				Fail: []string{
					"aws_alb.legacy", // the alarms with unknown dimensions refer to aws_lb resources
					"aws_lb.nlb",
					"aws_sqs_queue.audit_dlq",
				},
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
	tests := map[string]struct {
		fixture             string
		watching, undecided string
	}{
		"aws_db_instance.orders":      {fixture: "aws_alarms", watching: "aws_cloudwatch_metric_alarm.orders_cpu, aws_cloudwatch_metric_alarm.orders_free_storage"},
		"aws_autoscaling_group.web":   {fixture: "aws_alarms"}, // its only alarm drives scaling
		"aws_dynamodb_table.sessions": {fixture: "aws_alarms", undecided: "aws_cloudwatch_metric_alarm.sessions_throttles"},
		// The alarms with unknown dimensions refer to aws_lb resources, the
		// same resource as aws_alb under its other name.
		"aws_alb.legacy": {fixture: "aws_app_alarms"},
	}
	for addr, want := range tests {
		p := checktest.Load(t, "testdata/"+want.fixture+"/plan.json")
		w := alarmIndexOf(p).watching(p.Lookup(addr))
		if got := addresses(w.Watching); got != want.watching {
			t.Errorf("%s: watching = %q, want %q", addr, got, want.watching)
		}
		if got := addresses(w.Undecided); got != want.undecided {
			t.Errorf("%s: undecided = %q, want %q", addr, got, want.undecided)
		}
	}
}

func TestSameType(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		a, b string
		want bool
	}{
		"same name":              {"aws_lb", "aws_lb", true},
		"alias and name":         {"aws_alb", "aws_lb", true},
		"name and alias":         {"aws_lb_target_group", "aws_alb_target_group", true},
		"alias and alias":        {"aws_alb_listener", "aws_alb_listener", true},
		"listener is not the lb": {"aws_alb_listener", "aws_lb", false},
		"other types":            {"aws_elb", "aws_lb", false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := sameType(tc.a, tc.b); got != tc.want {
				t.Errorf("sameType(%q, %q) = %t, want %t", tc.a, tc.b, got, tc.want)
			}
		})
	}
}
