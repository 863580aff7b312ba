package model

import (
	tfjson "github.com/hashicorp/terraform-json"
)

// Prior returns the world before a plan, as a plan of its own whose every
// resource stands unchanged: the resources that exist before the plan, each
// with its before value (the prior state's, where the change leaves it out)
// as both before and after, nothing unknown. Resources the plan creates are
// absent; resources it deletes or replaces are present as they are now. Data
// sources are those the plan has. Checks judge it as they judge the plan, so
// that comparing the two says what the plan changes.
//
// The prior world shares values, configuration and variables with the plan;
// only the resources' records and the indexes are its own. It is built once.
// ok is false for an input without a prior world: a state, a directory of
// .tf files, or a pool with one of those among its members.
func (p *Plan) Prior() (prior *Plan, ok bool) {
	if !p.hasPriorWorld() {
		return nil, false
	}
	p.priorOnce.Do(func() { p.prior = p.buildPrior() })
	return p.prior, true
}

// HasPrior reports whether the input has a prior world (see Prior),
// without building it.
func (p *Plan) HasPrior() bool { return p.hasPriorWorld() }

func (p *Plan) hasPriorWorld() bool {
	if p.Kind != KindPlan || p.isPrior {
		return false
	}
	for _, m := range p.pool {
		if m.plan.Kind != KindPlan {
			return false
		}
	}
	return true
}

func (p *Plan) buildPrior() *Plan {
	q := &Plan{
		Path:             p.Path,
		Kind:             p.Kind,
		FormatVersion:    p.FormatVersion,
		TerraformVersion: p.TerraformVersion,
		Config:           p.Config,
		Variables:        p.Variables,
		pool:             p.pool,
		isPrior:          true,
		Resources:        make([]*Resource, 0, len(p.Resources)),
	}
	// What the plan marks sensitive after apply stays secret in the prior
	// world's output too, although none of its resources holds it.
	q.extraSecrets = append(q.extraSecrets, p.extraSecrets...)
	for _, r := range p.Resources {
		var marked []any
		walkMarked(r.After, r.AfterSensitive, func(v any) { marked = append(marked, v) })
		if len(marked) > 0 {
			q.extraSecrets = append(q.extraSecrets, marked)
		}
		if c := priorOf(r); c != nil {
			q.Resources = append(q.Resources, c)
		}
	}
	q.index()
	return q
}

// priorOf is a resource as it stands before the plan, or nil when it does
// not exist then: the plan creates it, or it is a deposed object the plan
// deletes (a leftover, not the live resource).
func priorOf(r *Resource) *Resource {
	if !r.Managed() {
		c := *r // its own record: the prior world's index writes to it
		return &c
	}
	if r.DeposedKey != "" || r.Actions.Create() || r.Before == nil {
		return nil
	}
	c := *r
	c.After, c.AfterUnknown, c.AfterSensitive = r.Before, nil, r.BeforeSensitive
	c.Actions = tfjson.Actions{tfjson.ActionNoop}
	c.ActionReason, c.ReplacePaths = "", nil
	return &c
}
