package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Counting the people an on-call rotation or escalation reaches, shared by
// on_call_rotation and on_call_escalation. A list of members (the users of
// a schedule layer, the targets of an escalation rule) names people,
// schedules (a rotation of people, judged on its own), groups (a team whose
// members the plan may not show) or no one. IDs of people the plan creates
// are known only after apply; the configuration's references then tell
// them apart.

// ocKind says what one member of an on-call list stands for.
type ocKind int

const (
	ocPerson ocKind = iota
	ocSchedule
	// ocGroup is a team, user group or nested escalation: perhaps several
	// people, whom the plan does not list.
	ocGroup
	// ocUnresolved is a member whose kind the plan cannot tell (a type
	// known only after apply, a contact it does not hold).
	ocUnresolved
	ocNobody
)

// ocMember is one entry of an on-call list.
type ocMember struct {
	kind ocKind
	// key tells members apart: "v:" and the known ID, or "r:" and the
	// address of the one resource its configuration refers to; "" when
	// neither is known.
	key string
	// what names the member for evidence.
	what string
}

// onCallPersonTypes are the resource types (and data sources) that stand
// for one person in an on-call tool.
var onCallPersonTypes = []string{
	"pagerduty_user", "opsgenie_user", "aws_ssmcontacts_contact", "datadog_user",
	"grafana_oncall_user", "grafana_user", "grafana_cloud_org_member",
}

// ocCrowd is what an on-call list says of the people it reaches.
type ocCrowd struct {
	people    int // distinct people the plan shows, at least
	schedules []string
	groups    []string
	// undecided says why the plan cannot tell whether the list holds two
	// people or one; empty when it can.
	undecided string
}

// ocCount counts the distinct people among members. Members whose IDs
// are known only after apply and that nothing tells apart are resolved
// through the references of the list's configuration (all, resolved to
// resource instances), when that tells two people apart.
func ocCount(members []ocMember, all func() []*model.Resource) ocCrowd {
	var c ocCrowd
	keys := map[string]bool{}
	vague := 0
	for _, m := range members {
		switch m.kind {
		case ocPerson:
			if m.key == "" {
				vague++
			} else {
				keys[m.key] = true
			}
		case ocSchedule:
			c.schedules = append(c.schedules, m.what)
		case ocGroup, ocUnresolved:
			c.groups = append(c.groups, m.what)
		}
	}
	switch {
	case len(keys) >= 2:
		c.people = len(keys)
	case len(keys)+vague <= 1:
		c.people = len(keys) + vague
	default:
		var persons []string
		if all != nil {
			for _, r := range all() {
				if slices.Contains(onCallPersonTypes, r.Type) && !slices.Contains(persons, r.Address) {
					persons = append(persons, r.Address)
				}
			}
		}
		if len(persons) >= 2 {
			c.people = len(persons)
		} else {
			c.people = len(keys)
			c.undecided = fmt.Sprintf("%d of its %d members are known only after apply, and the plan cannot tell "+
				"whether they are different people", vague, len(keys)+vague)
		}
	}
	return c
}

// ocListMembers reads a list (or set) of member IDs at path, each of kind
// kind; null elements stand for no one. whole is non-empty when the list
// itself is known only after apply or absent.
func ocListMembers(p *model.Plan, r *model.Resource, kind ocKind, path ...model.Step) (ms []ocMember, whole string) {
	a := r.Attr(path...)
	name := model.Path(path).String()
	switch {
	case a.Unknown:
		return nil, name + " is known only after apply"
	case !a.Present:
		return nil, "the plan does not hold " + name
	}
	for i, v := range a.List() {
		at := subPath(path, i)
		switch e := r.Attr(at...); {
		case e.Unknown:
			ms = append(ms, unknownMember(p, r, kind, at))
		case v == nil:
			ms = append(ms, ocMember{kind: ocNobody, what: "no one"})
		default:
			s := fmt.Sprint(v)
			ms = append(ms, ocMember{kind: kind, key: "v:" + s, what: p.Show(r, e)})
		}
	}
	return ms, ""
}

// ocIDMember reads one member whose ID is at path (a target block's id).
func ocIDMember(p *model.Plan, r *model.Resource, kind ocKind, path ...model.Step) ocMember {
	a := r.Attr(path...)
	switch {
	case a.Unknown:
		return unknownMember(p, r, kind, path)
	case a.Value == nil:
		return ocMember{kind: ocNobody, what: "no one"}
	}
	return ocMember{kind: kind, key: "v:" + fmt.Sprint(a.Value), what: p.Show(r, a)}
}

// unknownMember is a member whose ID is known only after apply, named by
// the resource its expression refers to when there is one.
func unknownMember(p *model.Plan, r *model.Resource, kind ocKind, path []model.Step) ocMember {
	key := ocRefKey(p, r, path)
	what := model.KnownAfterApply
	if addr, ok := strings.CutPrefix(key, "r:"); ok {
		what = addr + " " + what
	}
	return ocMember{kind: kind, key: key, what: what}
}

// ocRefKey is the key of a member whose value is known only after apply:
// the address of the one person resource its own expression refers to,
// or "" when the configuration does not say (a list's elements share one
// expression, so only a block's attribute has one of its own).
func ocRefKey(p *model.Plan, r *model.Resource, path []model.Step) string {
	e := ocNestedExpr(r, path)
	if !e.Set() {
		return ""
	}
	var persons []*model.Resource
	for _, to := range ocExprTargets(p, r, e) {
		if slices.Contains(onCallPersonTypes, to.Type) {
			persons = append(persons, to)
		}
	}
	if len(persons) != 1 {
		return ""
	}
	return "r:" + persons[0].Address
}

// ocNestedExpr returns the configuration's expression for the attribute at
// path (names and block indexes in turn), or the zero Expr when the
// configuration does not show it one for one (no configuration, a dynamic
// block, or a list element rather than an attribute).
func ocNestedExpr(r *model.Resource, path []model.Step) model.Expr {
	for i := 0; i+1 < len(path); i += 2 {
		if _, ok := path[i+1].(int); !ok {
			return model.Expr{}
		}
		// The plan's blocks match the configuration's one for one only
		// when both hold as many (no dynamic block, no count).
		if len(r.Attr(path[:i+1]...).List()) != len(r.ConfigExpr(path[:i+1]...).Blocks()) {
			return model.Expr{}
		}
	}
	return r.ConfigExpr(path...)
}

type ocExprTargetsKey struct {
	r *model.Resource
	e model.Expr
}

// ocExprTargets resolves one expression's references to resource instances,
// as Plan.Refs does for a whole attribute.
func ocExprTargets(p *model.Plan, r *model.Resource, e model.Expr) []*model.Resource {
	return p.Memo(ocExprTargetsKey{r, e}, func() any {
		return p.ExprTargets(r, e)
	}).([]*model.Resource)
}

// ocTopTargets resolves the references of one top-level attribute (and the
// blocks nested in it) to resource instances.
func ocTopTargets(p *model.Plan, r *model.Resource, attr string) func() []*model.Resource {
	return func() []*model.Resource { return p.Refs(r, attr) }
}

// ocRotationVerdict judges one rotation's ocCrowd: two people pass, one fails,
// and a list the plan cannot count is unknown.
func ocRotationVerdict(c ocCrowd, noun string, e ...check.Evidence) check.Finding {
	switch {
	case c.people >= 2:
		return pass(fmt.Sprintf("the %s rotates %d people", noun, c.people), e...)
	case c.undecided != "":
		return unknown(fmt.Sprintf("the %s may rotate one person: %s", noun, c.undecided), e...)
	case len(c.groups) > 0:
		return unknown(fmt.Sprintf("the %s rotates %s, whose members the plan does not show", noun, strings.Join(c.groups, ", ")), e...)
	case c.people == 1:
		return fail(fmt.Sprintf("the %s has one person: they are on call every shift, with no one to hand over to", noun), e...)
	}
	return fail(fmt.Sprintf("the %s has no one in it: pages in its shifts reach no one", noun), e...)
}

// ocEscalationVerdict judges the ocCrowd an escalation reaches over all its
// levels: a schedule or two people pass, a single person fails.
func ocEscalationVerdict(c ocCrowd, noun string, e ...check.Evidence) check.Finding {
	switch {
	case len(c.schedules) > 0:
		return pass(fmt.Sprintf("the %s pages an on-call schedule (%s), whose rotation on_call_rotation judges",
			noun, strings.Join(c.schedules, ", ")), e...)
	case c.people >= 2:
		return pass(fmt.Sprintf("the %s reaches %d people", noun, c.people), e...)
	case c.undecided != "":
		return unknown(fmt.Sprintf("the %s may reach one person only: %s", noun, c.undecided), e...)
	case len(c.groups) > 0:
		return unknown(fmt.Sprintf("the %s pages %s, whose members the plan does not show", noun, strings.Join(c.groups, ", ")), e...)
	case c.people == 1:
		return fail(fmt.Sprintf("the %s pages one person and escalates to no one else: if they miss the page, no one "+
			"is told", noun), e...)
	}
	return fail(fmt.Sprintf("the %s pages no one", noun), e...)
}

// ocMembersText renders members for evidence.
func ocMembersText(ms []ocMember) string {
	if len(ms) == 0 {
		return "(none)"
	}
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.what
	}
	return strings.Join(out, ", ")
}

// ocWorst combines the verdicts of a resource's parts (the layers of one
// schedule): a failure first, then an unknown, else the first pass.
func ocWorst(fs []check.Finding) check.Finding {
	for _, want := range []check.Status{check.StatusFail, check.StatusUnknown, check.StatusPass} {
		for _, f := range fs {
			if f.Status == want {
				return f
			}
		}
	}
	return check.Skip
}
