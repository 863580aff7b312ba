package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// onCallToolPrefixes are the resource type prefixes of on-call and
// incident tools: a plan holding one of them configures how the team is
// paged, which is where an incident response plan would be kept.
var onCallToolPrefixes = []string{
	"pagerduty_", "opsgenie_", "aws_ssmcontacts_", "aws_ssmincidents_", "grafana_oncall_",
	"datadog_on_call_", "datadog_incident_",
}

// incidentResponseTypes are the resources that hold an incident response
// plan or workflow.
var incidentResponseTypes = []string{
	"aws_ssmincidents_response_plan", "pagerduty_incident_workflow", "opsgenie_service_incident_rule",
	"datadog_incident_type",
}

// pagerDutyWorkflowTriggers finds the triggers that start a PagerDuty
// incident workflow.
var pagerDutyWorkflowTriggers = backLink{types: []string{"pagerduty_incident_workflow_trigger"}, attr: "workflow"}

// IncidentResponsePlan shows that the team's on-call tooling holds an
// incident response plan or workflow. It is evidence: the plan's contents
// and the team's practice are for the team to attest.
var IncidentResponsePlan = check.Check{
	Meta: check.Meta{
		ID:            "incident_response_plan",
		Title:         "An incident response plan is configured in the on-call tooling",
		Section:       "on_call",
		Category:      "incident_response",
		Severity:      check.SeverityLow,
		Evidence:      true,
		ResourceTypes: typeSet(incidentResponseTypes, "pagerduty_incident_workflow_trigger"),
		Description: "When a major incident starts, a response plan says who is engaged, where they talk and " +
			"what runs first, so that nobody improvises roles under pressure. The check looks at plans that " +
			"configure on-call or incident tooling (PagerDuty, Opsgenie, Incident Manager contacts and response " +
			"plans, Grafana OnCall, Datadog On-Call and Incident Management) and passes when they hold one: an " +
			"Incident Manager response plan that engages contacts or a chat channel, a PagerDuty incident " +
			"workflow with a trigger that starts it, an Opsgenie service incident rule, or a Datadog incident " +
			"type. Otherwise it is unknown, once per plan: response plans are often documents, and the team " +
			"attests them. It never fails, and plans without on-call tooling get no finding.",
		Remediation: "Define the response in the tooling: an aws_ssmincidents_response_plan whose engagements " +
			"name the escalation plan and whose chat_channel is the incident channel, or a " +
			"pagerduty_incident_workflow started by a pagerduty_incident_workflow_trigger; or attest the " +
			"documented plan.",
		Example: `resource "aws_ssmincidents_response_plan" "orders" {
  name         = "orders-major-incident"
  engagements  = [aws_ssmcontacts_contact.orders_escalation.arn]
  chat_channel = [aws_sns_topic.incident_chat.arn]

  incident_template {
    title  = "orders degraded"
    impact = 2
  }

  depends_on = [aws_ssmincidents_replication_set.main]
}`,
	},
	Plan: func(p *model.Plan) []check.Finding {
		tools := onCallTools(p)
		if len(tools) == 0 {
			return nil
		}
		var found, notes []check.Evidence
		for _, r := range p.OfType(incidentResponseTypes...) {
			switch r.Type {
			case "aws_ssmincidents_response_plan":
				engaged, why := responsePlanEngages(r)
				switch {
				case engaged:
					found = append(found, evAt(p, r, "engagements"), evAt(p, r, "chat_channel"))
				case why != "":
					notes = append(notes, evText(r.Address, "%s", why))
				default:
					notes = append(notes, evText(r.Address, "engages no contact and no chat channel"))
				}
			case "pagerduty_incident_workflow":
				if ts := pagerDutyWorkflowTriggers.to(p, r, strAt(r, "id")); len(ts) > 0 {
					found = append(found, evText(r.Address, "started by %s", addresses(ts)))
				} else {
					notes = append(notes, evText(r.Address, "no pagerduty_incident_workflow_trigger starts it"))
				}
			default:
				found = append(found, evText(r.Address, "%s in plan", r.Type))
			}
		}
		if len(found) > 0 {
			return []check.Finding{pass("the on-call tooling holds an incident response plan or workflow", found...)}
		}
		msg := "the plan configures on-call tooling but no incident response plan: attest the team's documented plan"
		if len(notes) > 0 {
			msg = "the plan's incident response resources engage no one yet: attest the team's documented plan"
		}
		return []check.Finding{unknown(msg, append(notes, evText("on-call tooling", "%s", toolsText(tools)))...)}
	},
}

// onCallTools returns the managed resources of on-call and incident tools
// that the plan keeps.
func onCallTools(p *model.Plan) []*model.Resource {
	var out []*model.Resource
	for _, r := range p.Resources {
		if !r.Managed() || !r.Exists() {
			continue
		}
		for _, prefix := range onCallToolPrefixes {
			if strings.HasPrefix(r.Type, prefix) {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// responsePlanEngages reports whether a response plan engages someone:
// contacts in engagements or a chat channel. why says the plan cannot tell.
func responsePlanEngages(r *model.Resource) (bool, string) {
	var unknowns []string
	for _, attr := range []string{"engagements", "chat_channel"} {
		a := r.Attr(attr)
		switch {
		case a.Unknown:
			unknowns = append(unknowns, attr)
		case len(a.List()) > 0:
			return true, ""
		}
	}
	if len(unknowns) > 0 {
		return false, strings.Join(unknowns, " and ") + " known only after apply"
	}
	return false, ""
}

// toolsText names a few of the on-call tool resources for evidence.
func toolsText(rs []*model.Resource) string {
	const shown = 3
	if len(rs) <= shown {
		return addresses(rs)
	}
	return fmt.Sprintf("%s and %d more", addresses(rs[:shown]), len(rs)-shown)
}
