package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/alerting"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSAlarmActionsRemoved fails when a plan silences a CloudWatch alarm
// that notified someone.
var AWSAlarmActionsRemoved = check.Check{
	Meta: check.Meta{
		ID:            "aws_alarm_actions_removed",
		Title:         "The plan does not silence an alarm",
		Section:       "alerts_metrics",
		Category:      "alarm",
		Transition:    true,
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_cloudwatch_metric_alarm"},
		Description: "A transition check: it compares the value before the plan with the planned one. An alarm " +
			"that notified someone and is then silenced, its alarm_actions emptied (or left with scaling actions " +
			"only) or actions_enabled set to false, still exists, still changes state in the console, and looks " +
			"covered to every check that counts alarms: the outage it was written for now goes unnoticed. Often it " +
			"was muted during an incident and the mute was committed. Alarms the plan creates or deletes have no " +
			"transition and are not judged, nor are alarms whose actions only scaled or acted on instances before.",
		Remediation: "Keep the alarm's notifying actions (an SNS topic, a Lambda function, an Incident Manager " +
			"response plan) and actions_enabled = true. To mute an alarm for a while, disable its actions outside " +
			"Terraform or waive the finding with an expiry date.",
		Example: `resource "aws_cloudwatch_metric_alarm" "api_5xx" {
  alarm_name    = "api-5xx"
  alarm_actions = [aws_sns_topic.oncall.arn] # as before this change
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return transition(p, r, func(old *model.Resource) check.Finding {
			enabled := flagWeakened(p, old, r, protection{
				name:    "actions_enabled",
				exposed: "the alarm will change state and notify no one",
				dflt:    true,
			}, "actions_enabled")
			notify, automate, _ := alarmActionKinds(old)
			if notify == 0 && automate > 0 {
				return check.Skip // a scaling alarm, as aws_alarm_actions sees it
			}
			e := evTransition(p, old, r, nil, "alarm_actions")
			if on, s := readFlag(old, true, "actions_enabled"); s != sideKnown || !on || notify == 0 {
				return verdictOf(verdict{check.StatusPass, "the alarm notified no one before this plan: nothing to silence", e}, quietly(enabled))
			}
			return verdictOf(actionsWeakened(old, r, e), enabled)
		})
	},
}

// quietly keeps a verdict's evidence and drops its judgement from the
// finding's message and status: it becomes a pass with no words of its own.
func quietly(v verdict) verdict {
	if v.status == "" {
		return v
	}
	return verdict{check.StatusPass, "", v.ev}
}

// actionsWeakened judges the alarm_actions of an alarm that notified
// someone before the plan: it fails when none of the planned actions
// notifies (none at all, or scaling and EC2 actions only).
func actionsWeakened(old, r *model.Resource, e check.Evidence) verdict {
	a := r.Attr("alarm_actions")
	switch {
	case a.Unknown:
		return verdict{check.StatusUnknown, "the alarm notified someone before this plan, and its planned alarm_actions are known only after apply", e}
	case !a.Present:
		return verdict{}
	}
	notify, automate, undecided := alarmActionKinds(r)
	switch {
	case notify > 0:
		return verdict{check.StatusPass, "the alarm still notifies someone", e}
	case undecided > 0:
		return verdict{check.StatusUnknown, "the alarm notified someone before this plan, and its planned actions are known only after apply", e}
	case automate > 0:
		return verdict{check.StatusFail, "the plan removes every notifying action from alarm_actions: the alarm will only drive automation and tell no one", e}
	}
	return verdict{check.StatusFail, "the plan empties alarm_actions: the alarm will change state and notify no one", e}
}

// alarmActionKinds counts an alarm's known alarm_actions that notify (or
// may: an ARN of a kind this package does not know counts), that only
// scale or act on instances, and the elements known only after apply.
func alarmActionKinds(r *model.Resource) (notify, automate, undecided int) {
	for _, x := range r.Attr("alarm_actions").List() {
		arn, ok := x.(string)
		switch {
		case !ok:
			undecided++
		case alerting.ARNKind(arn) == alerting.TargetAutomate:
			automate++
		default:
			notify++
		}
	}
	return notify, automate, undecided
}
