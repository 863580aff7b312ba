package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSAlarmRunbook asks alerting alarms to carry a link to their runbook.
var AWSAlarmRunbook = check.Check{
	Meta: check.Meta{
		ID:            "aws_alarm_runbook",
		Title:         "CloudWatch alarm links to its runbook",
		Section:       "sop",
		Category:      "runbook",
		Severity:      check.SeverityLow,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_cloudwatch_metric_alarm"},
		Description: "Whoever is paged at night needs to know what the alarm means and what to do first. " +
			"The alarm's description travels with every notification, so a runbook link there (or in a " +
			"runbook tag) puts the procedure one click away. Only alarms that notify someone are judged: " +
			"scaling-only alarms alert no one, and an alarm without alarm_actions (or with actions_enabled " +
			"false) reaches no one to read a runbook; aws_alarm_actions reports those.",
		Remediation: "Put the runbook's URL in alarm_description, or add a tag such as runbook_url.",
		Example: `resource "aws_cloudwatch_metric_alarm" "orders_cpu" {
  alarm_name        = "orders-db-cpu"
  alarm_description = "Orders DB CPU above 80%. Runbook: https://runbooks.example.com/orders-db#cpu"
  # ...
  tags = { runbook_url = "https://runbooks.example.com/orders-db" }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if scalingOnly(p, r) || notifiesNoOne(r) {
			return check.Skip
		}
		for _, attr := range []string{"tags_all", "tags"} {
			for _, f := range r.Attr(attr).Object() {
				k := strings.ToLower(f.Name)
				if v, ok := f.Value.(string); ok && v != "" && (strings.Contains(k, "runbook") || strings.Contains(k, "playbook")) {
					return pass("the alarm carries a runbook tag", ev(p, r, attr, f.Name))
				}
			}
		}
		d := r.Attr("alarm_description")
		e := ev(p, r, "alarm_description")
		if d.Unknown {
			return unknown("alarm_description is known only after apply", e)
		}
		s, _ := d.Str()
		if strings.Contains(s, "https://") || strings.Contains(s, "http://") {
			return pass("the alarm's description links to a runbook", e)
		}
		// tags_all may be known only after apply, but what it adds to tags
		// are the provider's default_tags, shared by every resource: no
		// place for one alarm's runbook.
		return fail("the alarm carries no runbook link: neither its description nor its tags point to one", e)
	},
}
