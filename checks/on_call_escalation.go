package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// OnCallEscalation requires every escalation policy the plan defines to
// reach beyond one person.
var OnCallEscalation = check.Check{
	Meta: check.Meta{
		ID:       "on_call_escalation",
		Title:    "Escalation policies reach beyond one person",
		Section:  "on_call",
		Category: "on_call",
		Severity: check.SeverityMedium,
		ResourceTypes: []string{
			"pagerduty_escalation_policy", "opsgenie_escalation", "aws_ssmcontacts_plan",
			"grafana_oncall_escalation_chain", "datadog_on_call_escalation_policy",
		},
		Description: "An escalation policy exists so that a page nobody acknowledges reaches someone else. One " +
			"that pages a single person, at every level, ends with that person: if they sleep through it, no " +
			"one is told, however often it repeats (num_loops, repeat, retries). The check collects every " +
			"target over all levels of a PagerDuty escalation policy (rule.target), Opsgenie escalation " +
			"(rules.recipient), Datadog On-Call escalation policy (step.target), Incident Manager escalation " +
			"plan (stage.target.contact_target_info) and Grafana OnCall escalation chain (its " +
			"grafana_oncall_escalation steps). It passes when a level pages an on-call schedule (whose rotation " +
			"on_call_rotation judges) or when the levels reach two distinct people, and fails when they reach " +
			"one person or no one. A team, user group or contact the plan does not hold may be several " +
			"people: unknown. An Incident Manager plan of a personal contact (its own channels) is an " +
			"engagement plan, not an escalation, and is not judged.",
		Remediation: "Add a second level that pages a secondary on-call schedule or another person (a team lead, " +
			"the secondary rotation), or make the first level page the team's on-call schedule.",
		Example: `resource "pagerduty_escalation_policy" "orders" {
  name      = "orders"
  num_loops = 2

  rule {
    escalation_delay_in_minutes = 15
    target {
      type = "schedule_reference"
      id   = pagerduty_schedule.primary.id
    }
  }
  rule {
    escalation_delay_in_minutes = 15
    target {
      type = "schedule_reference"
      id   = pagerduty_schedule.secondary.id
    }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		switch r.Type {
		case "pagerduty_escalation_policy":
			return levelsEscalation(p, r, "rule", "target", pdEscalationTarget, ev(p, r, "num_loops"))
		case "opsgenie_escalation":
			return levelsEscalation(p, r, "rules", "recipient", ogEscalationRecipient)
		case "datadog_on_call_escalation_policy":
			return levelsEscalation(p, r, "step", "target", ddEscalationTarget, ev(p, r, "retries"))
		case "aws_ssmcontacts_plan":
			return contactsPlanEscalation(p, r)
		case "grafana_oncall_escalation_chain":
			return grafanaChainEscalation(p, r)
		}
		return check.Skip
	},
}

// levelsEscalation judges a policy made of levels (rules, steps), each
// with target blocks that target reads.
func levelsEscalation(p *model.Plan, r *model.Resource, levels, targets string,
	target func(*model.Plan, *model.Resource, []model.Step) ocMember, extra ...check.Evidence) check.Finding {
	lv := r.Attr(levels)
	if lv.Unknown {
		return unknown(fmt.Sprintf("the policy's %s blocks are known only after apply", levels), ev(p, r, levels))
	}
	var ms []ocMember
	for i := range lv.List() {
		ts := r.Attr(levels, i, targets)
		if ts.Unknown {
			return unknown(fmt.Sprintf("the targets of %s are known only after apply", model.Path{levels, i}),
				ev(p, r, levels, i, targets))
		}
		for j := range ts.List() {
			ms = append(ms, target(p, r, []model.Step{levels, i, targets, j}))
		}
	}
	e := append([]check.Evidence{
		evText(levels, "%d level(s)", len(lv.List())),
		evText(levels+"."+targets, "%s", ocMembersText(ms)),
	}, extra...)
	return ocEscalationVerdict(ocCount(ms, ocTopTargets(p, r, levels)), "escalation policy", e...)
}

// pdEscalationTarget reads a PagerDuty rule's target block: type
// user_reference (the default) or schedule_reference, and id.
func pdEscalationTarget(p *model.Plan, r *model.Resource, at []model.Step) ocMember {
	typ := r.Attr(subPath(at, "type")...)
	t, _ := typ.Str()
	switch {
	case typ.Unknown:
		return ocMember{kind: ocUnresolved, what: "a target whose type is known only after apply"}
	case t == "schedule_reference":
		m := ocIDMember(p, r, ocSchedule, subPath(at, "id")...)
		m.what = "schedule " + m.what
		return m
	case t == "user_reference" || typ.Value == nil:
		return ocIDMember(p, r, ocPerson, subPath(at, "id")...)
	}
	return ocMember{kind: ocUnresolved, what: t}
}

// ogEscalationRecipient reads an Opsgenie rule's recipient block: type user,
// team or schedule, and id.
func ogEscalationRecipient(p *model.Plan, r *model.Resource, at []model.Step) ocMember {
	typ := r.Attr(subPath(at, "type")...)
	t, _ := typ.Str()
	switch {
	case typ.Unknown:
		return ocMember{kind: ocUnresolved, what: "a recipient whose type is known only after apply"}
	case t == "user":
		return ocIDMember(p, r, ocPerson, subPath(at, "id")...)
	case t == "schedule":
		m := ocIDMember(p, r, ocSchedule, subPath(at, "id")...)
		m.what = "schedule " + m.what
		return m
	}
	m := ocIDMember(p, r, ocGroup, subPath(at, "id")...)
	m.what = t + " " + m.what
	return m
}

// ddEscalationTarget reads a Datadog On-Call step's target block, which sets one
// of schedule, team and user.
func ddEscalationTarget(p *model.Plan, r *model.Resource, at []model.Step) ocMember {
	for _, f := range []struct {
		attr string
		kind ocKind
	}{{"schedule", ocSchedule}, {"team", ocGroup}, {"user", ocPerson}} {
		a := r.Attr(subPath(at, f.attr)...)
		if a.Unknown || a.Value != nil {
			m := ocIDMember(p, r, f.kind, subPath(at, f.attr)...)
			if f.kind != ocPerson {
				m.what = f.attr + " " + m.what
			}
			return m
		}
	}
	return ocMember{kind: ocNobody, what: "no one"}
}

// contactsPlanEscalation judges an Incident Manager escalation plan: the
// contacts its stages engage (contact_target_info), a contact of type
// ONCALL_SCHEDULE being an on-call schedule. A plan whose stages engage
// only channels is a person's own engagement plan.
func contactsPlanEscalation(p *model.Plan, r *model.Resource) check.Finding {
	if c := ocSSMContactOf(p, r, []model.Step{"contact_id"}); c != nil && strAt(c, "type") == "PERSONAL" {
		return check.Skip
	}
	stages := r.Attr("stage")
	if stages.Unknown {
		return unknown("the plan's stages are known only after apply", ev(p, r, "stage"))
	}
	var ms []ocMember
	contacts := false
	for i := range stages.List() {
		ts := r.Attr("stage", i, "target")
		if ts.Unknown {
			return unknown(fmt.Sprintf("the targets of stage[%d] are known only after apply", i), ev(p, r, "stage", i, "target"))
		}
		for j := range ts.List() {
			info := r.Attr("stage", i, "target", j, "contact_target_info")
			if info.Unknown || len(info.List()) == 0 {
				continue
			}
			contacts = true
			ms = append(ms, ocSSMContactMember(p, r, []model.Step{"stage", i, "target", j, "contact_target_info", 0, "contact_id"}))
		}
	}
	if !contacts {
		return check.Skip
	}
	return ocEscalationVerdict(ocCount(ms, ocTopTargets(p, r, "stage")), "escalation plan",
		evText("stage", "%d stage(s)", len(stages.List())),
		evText("stage.target.contact_target_info.contact_id", "%s", ocMembersText(ms)))
}

// ocSSMContactMember reads one engaged contact: a personal contact is a
// person, an on-call schedule a schedule, an escalation plan a group, and
// a contact the plan does not hold cannot be told.
func ocSSMContactMember(p *model.Plan, r *model.Resource, at []model.Step) ocMember {
	c := ocSSMContactOf(p, r, at)
	if c == nil {
		m := ocIDMember(p, r, ocUnresolved, at...)
		if m.kind != ocNobody {
			m.what = "contact " + m.what + " (not in the plan)"
		}
		return m
	}
	m := ocMember{kind: ocPerson, key: "r:" + c.Address, what: c.Address}
	switch strAt(c, "type") {
	case "ONCALL_SCHEDULE":
		m.kind = ocSchedule
	case "ESCALATION":
		m.kind = ocGroup
	case "PERSONAL":
	default:
		m.kind = ocUnresolved
	}
	return m
}

// ocSSMContactOf returns the aws_ssmcontacts_contact the ARN at path names:
// by its known value, else by the one contact the attribute's own
// expression refers to.
func ocSSMContactOf(p *model.Plan, r *model.Resource, at []model.Step) *model.Resource {
	if arn, ok := r.Attr(at...).Str(); ok && arn != "" {
		if cs := p.WithValue(arn, model.Path{"arn"}, "aws_ssmcontacts_contact"); len(cs) == 1 {
			return cs[0]
		}
		return nil
	}
	var found *model.Resource
	if e := ocNestedExpr(r, at); e.Set() {
		for _, to := range ocExprTargets(p, r, e) {
			if to.Type != "aws_ssmcontacts_contact" {
				continue
			}
			if found != nil {
				return nil
			}
			found = to
		}
	}
	return found
}

// grafanaChainSteps finds the grafana_oncall_escalation steps of a chain.
var grafanaChainSteps = backLink{types: []string{"grafana_oncall_escalation"}, attr: "escalation_chain_id"}

// grafanaChainEscalation judges a Grafana OnCall escalation chain by its
// steps: notify_on_call_from_schedule pages a schedule, notify_persons and
// notify_person_next_each_time page people, notify_team_members and
// notify_user_group page groups.
func grafanaChainEscalation(p *model.Plan, r *model.Resource) check.Finding {
	steps := grafanaChainSteps.to(p, r, strAt(r, "id"))
	if len(steps) == 0 {
		return unknown("the chain's steps are not in the plan", evText("grafana_oncall_escalation", "none refers to this chain"))
	}
	var ms []ocMember
	for _, s := range steps {
		typ := s.Attr("type")
		t, _ := typ.Str()
		switch {
		case typ.Unknown:
			ms = append(ms, ocMember{kind: ocUnresolved, what: s.Address + " (type known only after apply)"})
		case t == "notify_on_call_from_schedule":
			m := ocIDMember(p, s, ocSchedule, "notify_on_call_from_schedule")
			m.what = "schedule " + m.what
			ms = append(ms, m)
		case t == "notify_persons" || t == "notify_person_next_each_time":
			attr := "persons_to_notify"
			if t == "notify_person_next_each_time" {
				attr = "persons_to_notify_next_each_time"
			}
			people, whole := ocListMembers(p, s, ocPerson, attr)
			if whole != "" {
				return unknown(s.Address+": "+whole, evAt(p, s, attr))
			}
			ms = append(ms, people...)
		case t == "notify_team_members":
			m := ocIDMember(p, s, ocGroup, "notify_to_team_members")
			m.what = "team " + m.what
			ms = append(ms, m)
		case t == "notify_user_group":
			m := ocIDMember(p, s, ocGroup, "group_to_notify")
			m.what = "user group " + m.what
			ms = append(ms, m)
		}
	}
	all := func() []*model.Resource {
		var out []*model.Resource
		for _, s := range steps {
			out = append(out, p.Refs(s)...)
		}
		return out
	}
	return ocEscalationVerdict(ocCount(ms, all), "escalation chain",
		evText("grafana_oncall_escalation", "%d step(s): %s", len(steps), addresses(steps)),
		evText("notified", "%s", ocMembersText(ms)))
}
