package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/alerting"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSAlarmRunbook asks alert rules of every kind to carry a link to
// their runbook.
var AWSAlarmRunbook = check.Check{
	Meta: check.Meta{
		ID:            "aws_alarm_runbook",
		Title:         "Alert rule links to its runbook",
		Section:       "sop",
		Category:      "runbook",
		Severity:      check.SeverityLow,
		Cloud:         "aws",
		ResourceTypes: alerting.RuleTypes,
		Description: "Whoever is paged at night needs to know what the alert means and what to do first. " +
			"The alert's text travels with every notification, so a runbook link there puts the procedure one " +
			"click away. Every kind of alert rule is judged where its system keeps the link: a CloudWatch " +
			"alarm's alarm_description or a runbook tag; a Prometheus rule's annotations.runbook_url (Amazon " +
			"Managed Prometheus rule files and PrometheusRule manifests); a Grafana rule's annotations; a link in " +
			"a Datadog monitor's message; a New Relic condition's runbook_url. A resource holding several rules " +
			"(a Grafana rule group, a rule file) fails when one of them has no link, and names it. Only rules that " +
			"alert are judged: scaling-only alarms, paused and recording rules alert no one, and an alarm without " +
			"alarm_actions (or with actions_enabled false) reaches no one to read a runbook; aws_alarm_actions " +
			"reports those.",
		Remediation: "Put the runbook's URL in the alert's text: alarm_description (or a runbook_url tag) of a " +
			"CloudWatch alarm, annotations.runbook_url of a Prometheus or Grafana rule, the message of a Datadog " +
			"monitor, runbook_url of a New Relic condition.",
		Example: `resource "aws_cloudwatch_metric_alarm" "orders_cpu" {
  alarm_name        = "orders-db-cpu"
  alarm_description = "Orders DB CPU above 80%. Runbook: https://runbooks.example.com/orders-db#cpu"
  # ...
  tags = { runbook_url = "https://runbooks.example.com/orders-db" }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		rules := alerting.Of(p).RulesOf(r)
		if len(rules) == 0 {
			return check.Skip // not an alert rule, or one that alerts no one
		}
		if strings.HasPrefix(r.Type, "aws_cloudwatch_") && alerting.NotifiesNoOne(r) {
			return check.Skip
		}
		var missing, undecided []string
		var linked model.Path
		for _, rule := range rules {
			v, where := rule.Runbook()
			switch v {
			case alerting.Yes:
				linked = where
			case alerting.Undecided:
				undecided = append(undecided, ruleName(rule, where))
			default:
				missing = append(missing, ruleName(rule, where))
			}
		}
		if len(rules) == 1 {
			_, where := rules[0].Runbook()
			e := ev(p, r, where...)
			switch {
			case len(undecided) > 0:
				return unknown(where.String()+" is known only after apply", e)
			case len(missing) > 0:
				return fail(noRunbook(r), e)
			}
			if runbookTag(where) {
				return pass("the alert carries a runbook tag", e)
			}
			return pass("the alert's "+lastStep(where)+" links to a runbook", e)
		}
		switch {
		case len(missing) > 0:
			return fail(fmt.Sprintf("%d of %d alert rules carry no runbook link: %s", len(missing), len(rules), listSome(missing)),
				evText("rules without a runbook link", "%s", strings.Join(missing, "; ")))
		case len(undecided) > 0:
			return unknown(fmt.Sprintf("the annotations of %d of %d alert rules are known only after apply: %s", len(undecided), len(rules), listSome(undecided)),
				evText("rules", "%s", strings.Join(undecided, "; ")))
		}
		return pass(fmt.Sprintf("each of the %d alert rules links to a runbook", len(rules)), ev(p, r, linked...))
	},
}

// noRunbook says where a single-rule resource lacks its link.
func noRunbook(r *model.Resource) string {
	switch r.Type {
	case "datadog_monitor":
		return "the monitor's message carries no runbook link"
	case "newrelic_nrql_alert_condition":
		return "the condition has no runbook_url and its description no link"
	}
	return "the alarm carries no runbook link: neither its description nor its tags point to one"
}

// ruleName names a rule inside a resource for a message.
func ruleName(rule *alerting.Rule, where model.Path) string {
	if rule.Name == "" {
		return where.String()
	}
	return fmt.Sprintf("%q (%s)", rule.Name, where)
}

// runbookTag reports whether a runbook was found in a tag.
func runbookTag(where model.Path) bool {
	return len(where) == 2 && (where[0] == "tags" || where[0] == "tags_all")
}

// listSome lists up to three names, and how many more.
func listSome(names []string) string {
	if len(names) <= 3 {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:3], ", "), len(names)-3)
}

// lastStep names the last step of a path, or "text".
func lastStep(path model.Path) string {
	if len(path) == 0 {
		return "text"
	}
	return fmt.Sprint(path[len(path)-1])
}
