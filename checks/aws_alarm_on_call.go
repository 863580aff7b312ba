package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/alerting"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSAlarmOnCall requires the plan's alert rules to reach an on-call
// rotation.
var AWSAlarmOnCall = check.Check{
	Meta: check.Meta{
		ID:       "aws_alarm_on_call",
		Title:    "Alarms are routed to an on-call rotation",
		Section:  "on_call",
		Category: "on_call",
		Severity: check.SeverityMedium,
		Cloud:    "aws",
		ResourceTypes: typeSet(alerting.RuleTypes, []string{
			"aws_sns_topic", "aws_sns_topic_subscription", "aws_prometheus_alert_manager_definition",
			"grafana_contact_point", "grafana_notification_policy", "helm_release",
			"newrelic_workflow", "newrelic_notification_channel", "newrelic_notification_destination",
		}),
		Description: "An alarm that lands in a mailbox or a chat channel is read when someone happens to look. " +
			"Production alarms should page whoever is on call, through a service with schedules and " +
			"escalation (PagerDuty, Opsgenie, Splunk On-Call, Grafana OnCall, Datadog On-Call, Jira Service " +
			"Management, AWS Incident Manager). The check follows every alert rule of the plan to where it " +
			"notifies: CloudWatch alarms through their actions (or the composite alarm that names them) to SNS " +
			"subscriptions and Incident Manager; Grafana rules to their contact point or through the notification " +
			"policy tree; Prometheus rules to the Alertmanager configuration (Amazon Managed Prometheus alert " +
			"manager definitions, kube-prometheus-stack values, AlertmanagerConfig manifests); Datadog monitors " +
			"by the @-handles of their message; New Relic conditions through workflows to their destinations. It " +
			"passes when one route pages, and applies only to plans that hold alert rules. Routes that leave the " +
			"plan (subscriptions, contact points or policies managed elsewhere, Lambda forwarders, webhooks, " +
			"endpoints known only after apply) make the result unknown.",
		Remediation: "Route the alerts to the paging service: subscribe the alarm topic to its CloudWatch " +
			"integration (an https subscription to its events endpoint, e.g. from pagerduty_service_integration), " +
			"give the Grafana contact point a pagerduty, opsgenie or oncall integration, add a pagerduty_configs " +
			"receiver to Alertmanager, mention @pagerduty-<service> in the Datadog monitor's message, or send " +
			"alarms to an AWS Incident Manager response plan.",
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
		m := alerting.Of(p)
		if len(m.Rules) == 0 {
			return nil
		}
		var paged, undecided, seen []string
		for _, rule := range m.Rules {
			v, what, silent := m.Route(rule)
			switch {
			case v == alerting.Yes:
				paged = append(paged, what)
			case v == alerting.Undecided:
				undecided = append(undecided, what)
			case !silent:
				seen = append(seen, what)
			}
		}
		switch {
		case len(paged) > 0:
			return []check.Finding{pass("alerts reach an on-call service", evText("route", "%s", firstOf(paged)))}
		case len(undecided) > 0:
			return []check.Finding{unknown("the plan does not show whether the alerts reach an on-call service",
				evText("route", "%s", firstOf(undecided)))}
		case len(seen) == 0:
			return []check.Finding{fail("no alert rule notifies anyone: nothing reaches the on-call team",
				evText("alert rules", "%d alert rule(s), none with actions, a contact point or a handle that notifies", len(m.Rules)))}
		}
		return []check.Finding{fail("the alerts reach no on-call service: their notifications go to "+firstOf(seen),
			evText("route", "%s", strings.Join(seen, "; ")))}
	},
}

// firstOf returns the first element, or "".
func firstOf(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}
