package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// OnCallRotation requires every on-call rotation the plan defines to rotate
// at least two people.
var OnCallRotation = check.Check{
	Meta: check.Meta{
		ID:       "on_call_rotation",
		Title:    "On-call rotations have at least two people",
		Section:  "on_call",
		Category: "on_call",
		Severity: check.SeverityMedium,
		ResourceTypes: []string{
			"pagerduty_schedule", "opsgenie_schedule_rotation", "aws_ssmcontacts_rotation",
			"grafana_oncall_schedule", "grafana_oncall_on_call_shift", "datadog_on_call_schedule",
		},
		Description: "A rotation with one person is no rotation: that person carries the pager every shift, " +
			"with no one to hand over to when they sleep, travel or fall ill, and pages in those hours go " +
			"unanswered. The check judges each PagerDuty schedule layer (users), Datadog On-Call schedule " +
			"layer (users; null is no one), Opsgenie schedule rotation (participant blocks), Incident Manager " +
			"rotation (contact_ids) and Grafana OnCall shift (users of a recurrent event, rolling_users of a " +
			"rolling one). Two distinct people pass; one (or no one) fails. People the plan creates have IDs " +
			"known only after apply: the configuration's references tell them apart, and when they cannot, " +
			"the result is unknown. A team or escalation in an Opsgenie rotation, and a Grafana OnCall " +
			"schedule kept in an iCal feed or the web UI, hold people the plan does not show: unknown. " +
			"Medium, as an alarm that reaches no on-call service is: the gap is in who answers, not yet in " +
			"what is served.",
		Remediation: "Put two or more people in every layer or rotation (one layer per shift pattern, its users " +
			"taking turns), or point the layer at the team's shared rotation.",
		Example: `resource "pagerduty_schedule" "primary" {
  name      = "orders-primary"
  time_zone = "Europe/Berlin"

  layer {
    name                         = "weekly"
    start                        = "2025-01-06T09:00:00+01:00"
    rotation_virtual_start       = "2025-01-06T09:00:00+01:00"
    rotation_turn_length_seconds = 604800
    users                        = [pagerduty_user.ana.id, pagerduty_user.ben.id, pagerduty_user.eva.id]
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		switch r.Type {
		case "pagerduty_schedule", "datadog_on_call_schedule":
			return layersRotation(p, r)
		case "opsgenie_schedule_rotation":
			return opsgenieRotation(p, r)
		case "aws_ssmcontacts_rotation":
			ms, whole := ocListMembers(p, r, ocPerson, "contact_ids")
			e := ev(p, r, "contact_ids")
			if whole != "" {
				return unknown(whole, e)
			}
			return ocRotationVerdict(ocCount(ms, ocTopTargets(p, r, "contact_ids")), "rotation", e)
		case "grafana_oncall_on_call_shift":
			return grafanaShiftRotation(p, r)
		case "grafana_oncall_schedule":
			return grafanaScheduleRotation(p, r)
		}
		return check.Skip
	},
}

// layersRotation judges each layer of a PagerDuty or Datadog On-Call
// schedule: a layer's users take turns, and a later layer overrides an
// earlier one in the hours it covers, so every layer needs two people.
func layersRotation(p *model.Plan, r *model.Resource) check.Finding {
	layers := r.Attr("layer")
	if layers.Unknown {
		return unknown("the schedule's layers are known only after apply", ev(p, r, "layer"))
	}
	var fs []check.Finding
	for i := range layers.List() {
		noun := "schedule layer"
		if name := strAt(r, "layer", i, "name"); name != "" && !r.Attr("layer", i, "name").Sensitive {
			noun = fmt.Sprintf("schedule layer %q", name)
		}
		path := []model.Step{"layer", i, "users"}
		ms, whole := ocListMembers(p, r, ocPerson, path...)
		e := ev(p, r, path...)
		if whole != "" {
			fs = append(fs, unknown(whole, e))
			continue
		}
		fs = append(fs, ocRotationVerdict(ocCount(ms, ocTopTargets(p, r, "layer")), noun, e))
	}
	if len(fs) == 0 {
		return fail("the schedule has no layer: no one is on call", ev(p, r, "layer"))
	}
	return ocWorst(fs)
}

// opsgenieRotation judges an Opsgenie rotation's participant blocks: a
// user is a person, a team or escalation stands for people the plan does
// not list, and none is a gap in the rotation.
func opsgenieRotation(p *model.Plan, r *model.Resource) check.Finding {
	parts := r.Attr("participant")
	if parts.Unknown {
		return unknown("the rotation's participants are known only after apply", ev(p, r, "participant"))
	}
	var ms []ocMember
	for i := range parts.List() {
		typ := r.Attr("participant", i, "type")
		t, _ := typ.Str()
		switch {
		case typ.Unknown:
			ms = append(ms, ocMember{kind: ocUnresolved, what: "a participant whose type is known only after apply"})
		case t == "user":
			ms = append(ms, ocIDMember(p, r, ocPerson, "participant", i, "id"))
		case t == "none":
			ms = append(ms, ocMember{kind: ocNobody, what: "none"})
		default:
			m := ocIDMember(p, r, ocGroup, "participant", i, "id")
			m.what = t + " " + m.what
			ms = append(ms, m)
		}
	}
	return ocRotationVerdict(ocCount(ms, ocTopTargets(p, r, "participant")), "rotation",
		evText("participant", "%s", ocMembersText(ms)))
}

// grafanaShiftRotation judges a Grafana OnCall shift: a rolling_users
// shift hands over between the groups of rolling_users, a recurrent event
// puts its users on call together; a single event is a one-off, not a
// rotation.
func grafanaShiftRotation(p *model.Plan, r *model.Resource) check.Finding {
	typ := r.Attr("type")
	t, _ := typ.Str()
	switch {
	case typ.Unknown:
		return unknown("the shift's type is known only after apply", ev(p, r, "type"))
	case t == "recurrent_event":
		ms, whole := ocListMembers(p, r, ocPerson, "users")
		e := ev(p, r, "users")
		if whole != "" {
			return unknown(whole, e)
		}
		return ocRotationVerdict(ocCount(ms, ocTopTargets(p, r, "users")), "shift", e)
	case t == "rolling_users":
		groups := r.Attr("rolling_users")
		e := ev(p, r, "rolling_users")
		if groups.Unknown || !groups.Present {
			return unknown("rolling_users is known only after apply", e)
		}
		var ms []ocMember
		for i := range groups.List() {
			g, whole := ocListMembers(p, r, ocPerson, "rolling_users", i)
			if whole != "" {
				return unknown(whole, e)
			}
			ms = append(ms, g...)
		}
		return ocRotationVerdict(ocCount(ms, ocTopTargets(p, r, "rolling_users")), "shift", e)
	}
	return check.Skip
}

// grafanaScheduleRotation judges a Grafana OnCall schedule whose rotation
// the plan does not hold: an iCal feed or the web UI. A calendar
// schedule's shifts are judged one by one.
func grafanaScheduleRotation(p *model.Plan, r *model.Resource) check.Finding {
	typ := r.Attr("type")
	t, _ := typ.Str()
	e := ev(p, r, "type")
	switch {
	case typ.Unknown:
		return unknown("the schedule's type is known only after apply", e)
	case t == "ical":
		return unknown("the schedule's rotation is in an external iCal feed the plan does not hold",
			e, ev(p, r, "ical_url_primary"))
	case t == "web":
		return unknown("the schedule's rotation is kept in the Grafana OnCall web UI, outside the plan", e)
	}
	return check.Skip
}
