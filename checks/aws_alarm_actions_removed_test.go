package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

func TestAWSAlarmActionsRemoved(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]checktest.Want{
		// scale_out only ever scaled: not judged, as aws_alarm_actions
		// leaves it alone.
		"aws_transitions": {
			Pass: []string{"aws_cloudwatch_metric_alarm.errors", "aws_cloudwatch_metric_alarm.latency"},
			Fail: []string{"aws_cloudwatch_metric_alarm.api_5xx", "aws_cloudwatch_metric_alarm.db_cpu",
				"aws_cloudwatch_metric_alarm.web_cpu"},
			Unknown: []string{"aws_cloudwatch_metric_alarm.queue_depth"},
		},
		// Plans that only create (and delete) have no transition.
		"aws_alarms":     {},
		"aws_app_alarms": {},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSAlarmActionsRemoved, "testdata/"+name+"/plan.json", want)
		})
	}
}

func TestAWSAlarmActionsRemovedFindings(t *testing.T) {
	t.Parallel()
	const (
		oncall = `["arn:aws:sns:eu-west-1:123456789012:oncall"]`
		scale  = `"arn:aws:autoscaling:eu-west-1:123456789012:scalingPolicy:5e3f9a1c-2b4d-4e6f-8a0b-1c2d3e4f5a6b:autoScalingGroupName/web:policyName/scale-out"`
	)
	assertTransitions(t, AWSAlarmActionsRemoved, map[string]transitionWant{
		"aws_cloudwatch_metric_alarm.api_5xx": {
			status: check.StatusFail, change: engine.ChangeIntroduced,
			message: "the plan empties alarm_actions: the alarm will change state and notify no one",
			evidence: []check.Evidence{
				{Attribute: "alarm_actions", Value: oncall + " → []"},
				{Attribute: "actions_enabled", Value: "true → true"},
			},
		},
		"aws_cloudwatch_metric_alarm.db_cpu": {
			status: check.StatusFail, change: engine.ChangeIntroduced,
			message: "the plan turns actions_enabled off: the alarm will change state and notify no one",
			evidence: []check.Evidence{
				{Attribute: "alarm_actions", Value: oncall + " → " + oncall},
				{Attribute: "actions_enabled", Value: "true → false"},
			},
		},
		"aws_cloudwatch_metric_alarm.web_cpu": {
			status: check.StatusFail, change: engine.ChangeIntroduced,
			message: "the plan removes every notifying action from alarm_actions",
			evidence: []check.Evidence{
				{Attribute: "alarm_actions", Value: "[" + scale + `,"arn:aws:sns:eu-west-1:123456789012:oncall"] → [` + scale + "]"},
				{Attribute: "actions_enabled", Value: "true → true"},
			},
		},
		// Its topic is replaced: the new ARN is known after apply.
		"aws_cloudwatch_metric_alarm.queue_depth": {
			status: check.StatusUnknown, change: engine.ChangeUnchanged,
			message: "the alarm notified someone before this plan, and its planned alarm_actions are known only after apply",
			evidence: []check.Evidence{
				{Attribute: "alarm_actions", Value: `["arn:aws:sns:eu-west-1:123456789012:pager"] → (known after apply)`},
				{Attribute: "actions_enabled", Value: "true → true"},
			},
		},
		"aws_cloudwatch_metric_alarm.errors": {
			status: check.StatusPass, change: engine.ChangeUnchanged,
			message: "the alarm notified no one before this plan: nothing to silence",
			evidence: []check.Evidence{
				{Attribute: "alarm_actions", Value: "[] → " + oncall},
				{Attribute: "actions_enabled", Value: "false → true"},
			},
		},
		"aws_cloudwatch_metric_alarm.latency": {
			status: check.StatusPass, change: engine.ChangeUnchanged,
			message: "the alarm still notifies someone; actions_enabled stays on",
		},
	})
}
