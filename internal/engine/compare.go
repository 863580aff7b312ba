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

// priorResult is what compare reads of a result of the prior world: a
// third of a Result's size, which matters on a plan of existing resources,
// whose prior world gives about as many results as its planned one.
type priorResult struct {
	key      resultKey
	failed   bool
	evidence []check.Evidence
}

// compare sets each result's Change from the prior world's results, and
// from the findings it took from the planned world as they are (same; see
// sameBefore): whether the check failed on the same subject before the plan,
// waivers and baselines aside. A failure the plan introduces or resolves on
// a subject that existed before names, in its evidence, the values the
// plan changes (multi_az: true → false).
func (rep *Report) compare(p *model.Plan, prior []priorResult, same map[resultKey]bool) {
	before := make(map[resultKey]*priorResult, len(prior))
	for i := range prior {
		r := &prior[i]
		if seen, ok := before[r.key]; !ok || r.failed && !seen.failed {
			before[r.key] = r
		}
	}
	for i := range rep.Results {
		r := &rep.Results[i]
		var wasFailing bool
		var wasEvidence []check.Evidence
		was, existed := before[keyOf(r)]
		switch {
		case existed:
			wasFailing, wasEvidence = was.failed, was.evidence
		case same[keyOf(r)]:
			// The prior world took this finding as it is.
			existed, wasFailing, wasEvidence = true, r.Failed, r.Evidence
		}
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
			r.Evidence = transitions(p, p.Lookup(r.Address), wasEvidence, r.Evidence)
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

// sameBefore is what judging a plan's planned world tells its prior world:
// the findings of a check that read nothing but its resource (no lookup, no
// index, no reference: model.Plan.Reach did not move), on a resource the
// plan leaves unchanged. Before the plan that resource is the same, so the
// finding is the same: the prior world takes it instead of judging again.
// A nil sameBefore records and skips nothing.
type sameBefore struct {
	pairs   map[pairKey]bool   // check and resource, in the world's addresses
	results map[resultKey]bool // the results those pairs gave
}

type pairKey struct{ check, address string }

// learn records the results a check gave on r, when r is unchanged.
func (s *sameBefore) learn(c check.Check, r *model.Resource, results []Result) {
	if s == nil || !r.Actions.NoOp() || r.HasUnknown() {
		return
	}
	s.pairs[pairKey{c.ID, r.Address}] = true
	for i := range results {
		s.results[keyOf(&results[i])] = true
	}
}

// skips reports whether the prior world takes c's findings on r from the
// planned world.
func (s *sameBefore) skips(c check.Check, r *model.Resource) bool {
	return s != nil && s.pairs[pairKey{c.ID, r.Address}]
}
