package engine

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// resultKey names a result across the two worlds of a plan: the same check
// on the same subject of the same input.
type resultKey struct {
	input, check, address string
}

func keyOf(r *Result) resultKey { return resultKey{r.Input, r.CheckID, r.Address} }

// compare sets each result's Change from the prior world's results (see
// Change): whether the check failed on the same subject before the plan,
// waivers and baselines aside. A failure the plan introduces or resolves on
// a subject that existed before names, in its evidence, the values the
// plan changes (multi_az: true → false).
func (rep *Report) compare(p *model.Plan, prior *Report) {
	before := make(map[resultKey]*Result, len(prior.Results))
	for i := range prior.Results {
		r := &prior.Results[i]
		k := keyOf(r)
		if seen, ok := before[k]; !ok || r.Failed && !seen.Failed {
			before[k] = r
		}
	}
	for i := range rep.Results {
		r := &rep.Results[i]
		was, existed := before[keyOf(r)]
		wasFailing := existed && was.Failed
		switch {
		case r.Failed && wasFailing:
			r.Change = ChangeExisting
		case r.Failed:
			r.Change = ChangeIntroduced
		case wasFailing:
			r.Change = ChangeResolved
		default:
			r.Change = ChangeUnchanged
		}
		if existed && (r.Change == ChangeIntroduced || r.Change == ChangeResolved) {
			r.Evidence = transitions(p, p.Lookup(r.Address), was.Evidence, r.Evidence)
		}
	}
}

// transitions rewrites each evidence value the plan changes as "before →
// after". Both sides have passed the boundary already; the joined text
// passes it again, so that it is capped like any other.
func transitions(p *model.Plan, r *model.Resource, before, after []check.Evidence) []check.Evidence {
	if len(before) == 0 || len(after) == 0 {
		return after
	}
	was := make(map[string]string, len(before))
	for _, e := range before {
		if _, dup := was[e.Attribute]; !dup {
			was[e.Attribute] = e.Value
		}
	}
	out := make([]check.Evidence, len(after))
	for i, e := range after {
		if v, ok := was[e.Attribute]; ok && v != e.Value {
			e.Value = safeText(p, r, v+" → "+e.Value)
		}
		out[i] = e
	}
	return out
}
