package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/alerting"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSAlarmActions requires every alerting CloudWatch alarm to notify someone.
var AWSAlarmActions = check.Check{
	Meta: check.Meta{
		ID:            "aws_alarm_actions",
		Title:         "CloudWatch alarm notifies someone when it fires",
		Section:       "alerts_metrics",
		Category:      "alarm",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_cloudwatch_metric_alarm", "aws_cloudwatch_composite_alarm"},
		Description: "An alarm without alarm_actions, or with actions_enabled = false, changes state in the " +
			"console and tells no one: the outage it was written for goes unnoticed. Actions to an SNS topic, a " +
			"Lambda function or an Incident Manager response plan count; alarms whose only actions are scaling " +
			"policies or EC2 actions drive automation, not alerts, and are not judged here. Metric and composite " +
			"alarms are judged alike, and an alarm that a composite alarm's rule names alerts through that " +
			"composite when it notifies someone: such a child needs no actions of its own.",
		Remediation: "Set alarm_actions (and usually ok_actions) to an SNS topic that reaches the on-call " +
			"team, and leave actions_enabled at its default, true.",
		Example: `resource "aws_cloudwatch_metric_alarm" "api_5xx" {
  alarm_name          = "api-5xx"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_ELB_5XX_Count"
  dimensions          = { LoadBalancer = aws_lb.api.arn_suffix }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.oncall.arn]
  ok_actions          = [aws_sns_topic.oncall.arn]
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		m := alerting.Of(p)
		if m.ScalingOnly(r) {
			return check.Skip
		}
		e := ev(p, r, "alarm_actions")
		// A composite alarm evaluates its children's states whatever their
		// own actions: a child alerts through a composite that notifies.
		if alerting.NotifiesNoOne(r) {
			if cs := m.NotifyingComposites(r); len(cs) > 0 {
				return pass("the alarm notifies through its composite alarm(s) "+addresses(cs), e,
					evText("composite alarms", "%s", addresses(cs)))
			}
		}
		if on, ok := r.Attr("actions_enabled").Bool(); ok && !on {
			return fail("actions_enabled is false: the alarm changes state but notifies no one",
				ev(p, r, "actions_enabled"))
		}
		actions := r.Attr("alarm_actions")
		if !actions.Unknown && len(actions.List()) == 0 {
			return fail("the alarm has no alarm_actions: it notifies no one", e)
		}
		var notify, undecided []string
		for _, t := range alerting.Targets(p, r) {
			switch t.Kind {
			case alerting.TargetNotify:
				notify = append(notify, describeTarget(p, t))
			case alerting.TargetUnknown:
				undecided = append(undecided, t.Label)
			}
		}
		if len(notify) > 0 {
			return pass("the alarm notifies "+strings.Join(notify, "; "), e)
		}
		if len(undecided) > 0 {
			return unknown("the plan does not show where the alarm's actions go", e,
				evText("alarm_actions targets", "%s", strings.Join(undecided, ", ")))
		}
		return fail("the alarm's actions notify no one", e)
	},
}

// describeTarget names an alarm target for a message: an SNS topic in the
// plan with its subscription count, or the ARN.
func describeTarget(p *model.Plan, t alerting.Target) string {
	if t.Topic == nil {
		return t.Label
	}
	n := len(alerting.TopicSubscriptions(p, t.Topic, t.ARN))
	if n == 0 {
		return fmt.Sprintf("%s (no subscription to it in this plan)", t.Label)
	}
	return fmt.Sprintf("%s (%d subscription(s) in this plan)", t.Label, n)
}
