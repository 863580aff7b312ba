package checks

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
	"github.com/prodready/terraform-provider-readiness/internal/policy"
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
		// Bastions (by name, or SSH-only and sent no traffic) and the S3
		// backend's lock table serve no traffic and hold no data.
		"only what serves traffic or holds data": {
			fixture: "testdata/aws_alarm_scope/plan.json",
			want: checktest.Want{
				Pass: []string{"aws_instance.api"},
				Fail: []string{
					"aws_dynamodb_table.orders",
					"aws_instance.reports", // SSH only, but a volume is attached: it holds data
				},
				// Not judged: aws_instance.admin (SSH only, nothing sends it
				// traffic), aws_instance.ops (Name prod-bastion-1),
				// aws_autoscaling_group.jump (jump-hosts),
				// aws_dynamodb_table.terraform_locks (hash key LockID).
			},
		},
		// Issue 14: a Grafana rule that pages PagerDuty watches the
		// database through its PromQL matcher, its CloudWatch query and the
		// reference in its model; without the rule group, nothing does.
		"a Grafana rule on the database": {
			fixture: "testdata/alerting_grafana_rds/plan.json",
			want:    checktest.Want{Pass: []string{"aws_db_instance.orders"}},
		},
		"the same plan without the Grafana rule": {
			fixture: "testdata/alerting_grafana_rds/no_rule/plan.json",
			want:    checktest.Want{Fail: []string{"aws_db_instance.orders"}},
		},
		// Datadog monitors name resources by any tag of their query, on any
		// metric of the resource's service; one over the service that names
		// no instance leaves the others unknown.
		"Datadog monitors by tag": {
			fixture: "testdata/alerting_datadog/plan.json",
			want: checktest.Want{
				Pass: []string{
					"aws_db_instance.orders", "aws_db_instance.billing", "aws_autoscaling_group.web",
					"aws_ecs_service.orders", "aws_lb.nlb",
				},
				Unknown: []string{"aws_db_instance.reports"},
				Fail:    []string{"aws_lambda_function.worker"},
			},
		},
		"children of a composite alarm": {
			fixture: "testdata/alerting_composite/plan.json",
			want:    checktest.Want{Pass: []string{"aws_db_instance.orders"}},
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

// TestAlarmCoverageSeverity: a failure is medium, and high on a resource
// whose tier tag says critical, once the configuration names tier tags.
func TestAlarmCoverageSeverity(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		pol     func() *policy.Policy
		want    map[string]string
	}{
		"no configuration": {
			pol:  func() *policy.Policy { return nil },
			want: map[string]string{"aws_dynamodb_table.orders": "medium", "aws_instance.reports": "medium"},
		},
		"tier tags": {
			pol:  tierTags,
			want: map[string]string{"aws_dynamodb_table.orders": "high", "aws_instance.reports": "medium"},
		},
		// Tier tags are read from an Auto Scaling group's tags list of
		// maps (AWS provider v4) as from its tag blocks.
		"tier tags in a tags list": {
			fixture: "testdata/aws_asg_v4_tags/plan.json",
			pol:     tierTags,
			want:    map[string]string{"aws_autoscaling_group.workers": "high", "aws_autoscaling_group.legacy": "medium"},
		},
		"the team's severity wins": {
			pol: func() *policy.Policy {
				p := tierTags()
				p.Severity = map[string]policy.Override{"aws_alarm_coverage": {Level: check.SeverityLow}}
				return p
			},
			want: map[string]string{"aws_dynamodb_table.orders": "low", "aws_instance.reports": "low"},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			fixture := tc.fixture
			if fixture == "" {
				fixture = "testdata/aws_alarm_scope/plan.json"
			}
			rep := runWithPolicy(t, AWSAlarmCoverage, fixture, tc.pol())
			if diff := cmp.Diff(tc.want, severities(rep, check.StatusFail)); diff != "" {
				t.Errorf("failures' severities (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWorkloadRoles(t *testing.T) {
	t.Parallel()
	p := checktest.Load(t, "testdata/aws_alarm_scope/plan.json")
	tests := map[string]struct {
		bastion, lock bool
	}{
		"aws_instance.admin":                 {bastion: true}, // SSH only, nothing sends it traffic
		"aws_instance.ops":                   {bastion: true}, // Name prod-bastion-1
		"aws_autoscaling_group.jump":         {bastion: true}, // jump-hosts
		"aws_instance.api":                   {},              // serves 443
		"aws_instance.reports":               {},              // SSH only, but holds a volume
		"aws_dynamodb_table.terraform_locks": {lock: true},
		"aws_dynamodb_table.orders":          {},
	}
	for addr, want := range tests {
		t.Run(addr, func(t *testing.T) {
			t.Parallel()
			r := p.Lookup(addr)
			why, bastion := bastionHost(p, r)
			if bastion != want.bastion || (bastion && why == "") {
				t.Errorf("bastionHost = %q, %v; want %v", why, bastion, want.bastion)
			}
			if got := stateLockTable(r); got != want.lock {
				t.Errorf("stateLockTable = %v, want %v", got, want.lock)
			}
		})
	}
}

func TestBastionWord(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]bool{
		"bastion": true, "prod-bastion-1": true, "Bastion01": true, "jump": true, "jump_host": true,
		"JumpBox": true, "eu-jumphost": true, "jumpserver2": true,
		"jumpstart": false, "api": false, "": false, "trampoline": false,
	} {
		if got := bastionWord(name); got != want {
			t.Errorf("bastionWord(%q) = %v, want %v", name, got, want)
		}
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
