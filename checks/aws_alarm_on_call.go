package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSAlarmOnCall requires the plan's alarms to reach an on-call rotation.
var AWSAlarmOnCall = check.Check{
	Meta: check.Meta{
		ID:       "aws_alarm_on_call",
		Title:    "Alarms are routed to an on-call rotation",
		Section:  "on_call",
		Category: "on_call",
		Severity: check.SeverityMedium,
		Cloud:    "aws",
		ResourceTypes: []string{
			"aws_cloudwatch_metric_alarm", "aws_sns_topic", "aws_sns_topic_subscription",
		},
		Description: "An alarm that lands in a mailbox or a chat channel is read when someone happens to look. " +
			"Production alarms should page whoever is on call, through a service with schedules and " +
			"escalation (PagerDuty, Opsgenie, Splunk On-Call, AWS Incident Manager). The check follows each " +
			"alerting alarm's actions to its SNS topics and their subscriptions; it applies only to plans that " +
			"hold alarms. Subscriptions created outside the plan, Lambda forwarders and endpoints known only " +
			"after apply make the result unknown.",
		Remediation: "Subscribe the alarm topic to the paging service's CloudWatch integration (an https " +
			"subscription to its events endpoint, e.g. from pagerduty_service_integration), or send alarms to " +
			"an AWS Incident Manager response plan.",
		Example: `resource "pagerduty_service_integration" "cloudwatch" {
  name    = "CloudWatch"
  service = pagerduty_service.orders.id
  vendor  = data.pagerduty_vendor.cloudwatch.id
}

resource "aws_sns_topic_subscription" "pagerduty" {
  topic_arn              = aws_sns_topic.oncall.arn
  protocol               = "https"
  endpoint               = "https://events.pagerduty.com/integration/${pagerduty_service_integration.cloudwatch.integration_key}/enqueue"
  endpoint_auto_confirms = true
}`,
	},
	Plan: func(p *model.Plan) []check.Finding {
		alarms := alertingAlarms(p)
		if len(alarms) == 0 {
			return nil
		}
		var paged, undecided, seen []string
		for _, a := range alarms {
			if on, ok := a.Attr("actions_enabled").Bool(); ok && !on {
				continue
			}
			for _, t := range alarmTargets(p, a) {
				verdict, what := targetPages(p, t)
				switch verdict {
				case pageYes:
					paged = append(paged, what)
				case pageUndecided:
					undecided = append(undecided, what)
				default:
					seen = append(seen, what)
				}
			}
		}
		switch {
		case len(paged) > 0:
			return []check.Finding{pass("alarms reach an on-call service", evText("route", "%s", firstOf(paged)))}
		case len(undecided) > 0:
			return []check.Finding{unknown("the plan does not show whether the alarms reach an on-call service",
				evText("route", "%s", firstOf(undecided)))}
		case len(seen) == 0:
			return []check.Finding{fail("no alarm has actions: nothing reaches the on-call team",
				evText("aws_cloudwatch_metric_alarm", "%d alerting alarm(s), none with alarm_actions", len(alarms)))}
		}
		return []check.Finding{fail("the alarms reach no on-call service: their notifications go to "+firstOf(seen),
			evText("route", "%s", strings.Join(seen, "; ")))}
	},
}

// targetPages judges one alarm target: an Incident Manager response plan
// pages; an SNS topic pages when one of its subscriptions does; a topic
// without subscriptions in the plan, or outside it, is undecided.
func targetPages(p *model.Plan, t alarmTarget) (pageVerdict, string) {
	switch {
	case strings.Contains(t.ARN, ":ssm-incidents:"), strings.Contains(t.Label, "aws_ssmincidents_response_plan."):
		return pageYes, t.Label + " (Incident Manager response plan)"
	case t.Kind == targetUnknown:
		return pageUndecided, t.Label
	case t.Kind == targetAutomate:
		return pageNo, t.Label + " (automation)"
	case t.Topic == nil && !strings.Contains(t.ARN, ":sns:"):
		return pageUndecided, t.Label + " (Lambda: may forward to a pager)"
	}
	subs := topicSubscriptions(p, t.Topic, t.ARN)
	if len(subs) == 0 {
		return pageUndecided, t.Label + ": no subscription to it in this plan"
	}
	var no, undecided []string
	for _, s := range subs {
		v, what := subscriptionPages(p, s)
		what = s.Address + ": " + what
		switch v {
		case pageYes:
			return pageYes, t.Label + " -> " + what
		case pageUndecided:
			undecided = append(undecided, what)
		default:
			no = append(no, what)
		}
	}
	if len(undecided) > 0 {
		return pageUndecided, t.Label + " -> " + strings.Join(undecided, ", ")
	}
	return pageNo, t.Label + " -> " + strings.Join(no, ", ")
}

// firstOf returns the first element, or "".
func firstOf(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}
