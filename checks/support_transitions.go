package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Transition checks compare a resource's value before the plan with its
// planned one, and fail where the plan weakens a protection even when both
// values would pass the ordinary check: backup retention cut from 35 to 7
// days still passes aws_rds_backup_retention. Only a resource that exists
// before the plan and after it has a transition (an update, a no-op, or a
// replace, whose new object is compared with the one it replaces): one the
// plan creates or deletes is not judged, nor is a state or a directory of
// .tf files, which hold no change. Their evidence names the transition
// (multi_az: true → false).
//
// The engine also judges the plan's prior world, where every resource is a
// no-op whose planned values are its before values: there every transition
// check passes, so its failures are ones the plan introduces. The engine
// names a regression by pairing each evidence value with the prior world's
// for the same attribute; a no-op's pass therefore carries no evidence, and
// a failure's own "35 → 7" stands as it is.

// transition judges r against the object it had before the plan (see
// prior), and skips it when there is none.
func transition(p *model.Plan, r *model.Resource, judge func(old *model.Resource) check.Finding) check.Finding {
	old := prior(p, r)
	if old == nil {
		return check.Skip
	}
	f := judge(old)
	if r.Actions.NoOp() && f.Status == check.StatusPass {
		f.Evidence = nil
	}
	return f
}

// prior returns r as it was before the plan: its before values and their
// sensitive marks in place of the planned ones, nothing unknown, and no
// configuration (the one the plan records is the new one). It is nil when
// r has no prior object to compare with.
func prior(p *model.Plan, r *model.Resource) *model.Resource {
	if p.Kind == model.KindState || p.Kind == model.KindConfig || r.Static || r.Before == nil || r.Actions.Create() {
		return nil
	}
	old := *r
	old.After, old.AfterSensitive, old.AfterUnknown = r.Before, r.BeforeSensitive, nil
	old.Config, old.ConfigComplete = nil, false
	return &old
}

// A verdict is one setting's transition, judged; a zero status means there
// is nothing to judge (the attribute is not in the provider's schema).
type verdict struct {
	status check.Status
	msg    string
	ev     check.Evidence
}

// verdictOf turns the verdicts on a resource's settings into one finding:
// it fails when any weakens, is unknown when none does but one cannot be
// told, and passes otherwise. Every judged setting is in the evidence.
func verdictOf(vs ...verdict) check.Finding {
	by := map[check.Status][]string{}
	var ev []check.Evidence
	for _, v := range vs {
		if v.status == "" {
			continue
		}
		msgs := by[v.status]
		if v.msg != "" {
			msgs = append(msgs, v.msg)
		}
		by[v.status] = msgs
		ev = append(ev, v.ev)
	}
	for _, s := range []check.Status{check.StatusFail, check.StatusUnknown, check.StatusPass} {
		if _, ok := by[s]; ok {
			return check.Finding{Status: s, Message: strings.Join(by[s], "; "), Evidence: ev}
		}
	}
	return check.Skip
}

// evTransition is the evidence of a setting's transition, "35 → 7", with a
// null side read as dflt (when not nil) and unknown as "(known after
// apply)". When either side, or anything inside it, is marked sensitive,
// the whole transition is "(sensitive)".
func evTransition(p *model.Plan, old, r *model.Resource, dflt any, path ...model.Step) check.Evidence {
	e := check.Evidence{Attribute: model.Path(path).String()}
	if transitionSensitive(old, r, path...) {
		e.Value = model.Redacted
		return e
	}
	e.Value = showSide(p, old, dflt, path) + " → " + showSide(p, r, dflt, path)
	return e
}

// showSide renders one side of a transition for evidence.
func showSide(p *model.Plan, r *model.Resource, dflt any, path model.Path) string {
	a := r.Attr(path...)
	s := p.Show(r, a)
	if a.Present && a.Value == nil && !a.Unknown && dflt != nil {
		s += fmt.Sprintf(" (unset: defaults to %s)", model.Render(dflt))
	}
	return s
}

// transitionSensitive reports whether the plan marks a setting sensitive on
// either side of its transition, at path, above it or inside it
// (unknownInside reads any marks tree).
func transitionSensitive(old, r *model.Resource, path ...model.Step) bool {
	before, _ := model.Lookup(r.BeforeSensitive, path)
	after, _ := model.Lookup(r.AfterSensitive, path)
	return old.Attr(path...).Sensitive || r.Attr(path...).Sensitive || unknownInside(before) || unknownInside(after)
}

// sensitiveMsg picks the message that names values unless the setting is
// sensitive on either side, where the other one says the same without them.
func sensitiveMsg(old, r *model.Resource, path []model.Step, plain, redacted string) string {
	if transitionSensitive(old, r, path...) {
		return redacted
	}
	return plain
}

// A side is how one end of a transition reads a setting.
type side int

const (
	sideKnown   side = iota
	sideUnknown      // known only after apply
	sideAbsent       // not in the provider's schema at this version
	sideInvalid      // not of the setting's type
)

// readFlag reads a boolean setting on one side: dflt when null.
func readFlag(r *model.Resource, dflt bool, path ...model.Step) (bool, side) {
	a := r.Attr(path...)
	switch {
	case a.Unknown:
		return false, sideUnknown
	case !a.Present:
		return false, sideAbsent
	case a.Value == nil:
		return dflt, sideKnown
	}
	if v, ok := a.Bool(); ok {
		return v, sideKnown
	}
	return false, sideInvalid
}

// readNumber reads a number setting on one side: dflt when null.
func readNumber(r *model.Resource, dflt float64, path ...model.Step) (float64, side) {
	a := r.Attr(path...)
	switch {
	case a.Unknown:
		return 0, sideUnknown
	case !a.Present:
		return 0, sideAbsent
	case a.Value == nil:
		return dflt, sideKnown
	}
	if v, ok := a.Number(); ok {
		return v, sideKnown
	}
	return 0, sideInvalid
}

// A protection is a boolean setting that protects when true, such as
// deletion_protection: its name in messages, what turning it off exposes,
// and the value the API takes when it is null.
type protection struct {
	name, exposed string
	dflt          bool
}

// flagWeakened judges a boolean protection across the plan: it fails when
// the plan turns it off (true, or null read as a true default, to false or
// null read as false), is unknown when it was on and its planned value is
// known only after apply, and passes when it stays on, was off, or is
// turned on.
func flagWeakened(p *model.Plan, old, r *model.Resource, pr protection, path ...model.Step) verdict {
	read := func(x *model.Resource) (bool, side) { return readFlag(x, pr.dflt, path...) }
	return switchWeakened(old, r, pr, read, evTransition(p, old, r, pr.dflt, path...))
}

// switchWeakened is flagWeakened for a protection that read tells on each
// side, with the evidence e.
func switchWeakened(old, r *model.Resource, pr protection, read func(*model.Resource) (bool, side), e check.Evidence) verdict {
	was, before := read(old)
	now, after := read(r)
	if before != sideKnown || after == sideAbsent {
		return verdict{}
	}
	switch {
	case !was && after == sideKnown && now:
		return verdict{check.StatusPass, "the plan turns " + pr.name + " on", e}
	case !was:
		return verdict{check.StatusPass, pr.name + " was off before this plan: nothing to weaken", e}
	case after == sideUnknown:
		return verdict{check.StatusUnknown, pr.name + " was on before this plan, and its planned value is known only after apply", e}
	case after == sideInvalid:
		return verdict{check.StatusUnknown, e.Attribute + " is not a boolean in the plan", e}
	case now:
		return verdict{check.StatusPass, pr.name + " stays on", e}
	}
	return verdict{check.StatusFail, "the plan turns " + pr.name + " off: " + pr.exposed, e}
}

// A retention is a number of days that protects more the longer it is:
// its name in messages, what a cut exposes, the failure for a cut to zero
// (when that turns the protection off), and the value the API takes when
// it is null.
type retention struct {
	name, exposed, off string
	dflt               float64
}

// daysWeakened judges a retention across the plan: it fails when the plan
// lowers it, is unknown when its planned value is known only after apply,
// and passes when it stays, grows, or was zero.
func daysWeakened(p *model.Plan, old, r *model.Resource, rt retention, path ...model.Step) verdict {
	read := func(x *model.Resource) (float64, side) { return readNumber(x, rt.dflt, path...) }
	return cutWeakened(old, r, rt, read, path, evTransition(p, old, r, rt.dflt, path...))
}

// cutWeakened is daysWeakened for a retention that read tells on each side,
// at path, with the evidence e.
func cutWeakened(old, r *model.Resource, rt retention, read func(*model.Resource) (float64, side), path []model.Step, e check.Evidence) verdict {
	was, before := read(old)
	now, after := read(r)
	if before != sideKnown || after == sideAbsent {
		return verdict{}
	}
	quiet := func(plain, redacted string) string { return sensitiveMsg(old, r, path, plain, redacted) }
	switch {
	case was <= 0:
		return verdict{check.StatusPass, quiet(rt.name+" was 0 days before this plan: nothing to cut", "the plan does not cut "+rt.name), e}
	case after == sideUnknown:
		return verdict{check.StatusUnknown, quiet(
			fmt.Sprintf("%s was %s before this plan, and its planned value is known only after apply", rt.name, days(was)),
			rt.name+" was set before this plan, and its planned value is known only after apply"), e}
	case after == sideInvalid:
		return verdict{check.StatusUnknown, e.Attribute + " is not a number in the plan", e}
	case now < was && now <= 0 && rt.off != "":
		return verdict{check.StatusFail, quiet(fmt.Sprintf("the plan cuts %s from %s to 0: %s", rt.name, days(was), rt.off),
			"the plan cuts "+rt.name+": "+rt.exposed), e}
	case now < was:
		return verdict{check.StatusFail, quiet(fmt.Sprintf("the plan cuts %s %s: %s", rt.name, fromTo(was, now), rt.exposed),
			"the plan cuts "+rt.name+": "+rt.exposed), e}
	case now > was:
		return verdict{check.StatusPass, quiet(fmt.Sprintf("the plan lengthens %s %s", rt.name, fromTo(was, now)),
			"the plan does not cut "+rt.name), e}
	}
	return verdict{check.StatusPass, quiet(fmt.Sprintf("%s stays at %s", rt.name, days(now)), rt.name+" stays as it was"), e}
}

// days renders a number of days: "1 day", "35 days".
func days(n float64) string {
	if n == 1 {
		return "1 day"
	}
	return fmt.Sprintf("%g days", n)
}

// fromTo renders a change of days: "from 35 to 7 days", "from 1 day to 14
// days".
func fromTo(was, now float64) string {
	if was == 1 || now == 1 {
		return "from " + days(was) + " to " + days(now)
	}
	return fmt.Sprintf("from %g to %g days", was, now)
}
