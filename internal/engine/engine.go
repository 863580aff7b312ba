package engine

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/policy"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// Options select what a run judges and how strictly.
type Options struct {
	Profile profile.Profile
	FailOn  check.Threshold
	// Policy is the team's configuration (.readiness.hcl) and baseline:
	// checks enabled and disabled, severity overrides, tier tags, waivers,
	// objectives, attestations, custom checks and the clock waivers expire
	// by. Nil changes nothing.
	Policy *policy.Policy
	// Gate says which failures decide the verdict; "" is GateAll.
	Gate Gate
	// PlannedOnly judges the planned world alone: no result carries a
	// change. The provider's functions use it (their values have nothing
	// before them), and make bench measures what the prior world costs
	// with it.
	PlannedOnly bool

	// prior is set while a prior world is judged: its results are
	// compared, never shown, so they go there, with only what compare
	// reads.
	prior *[]priorResult
	// judgeAllTwice makes the prior world judge every finding again, even
	// those it could take from the planned world: for tests.
	judgeAllTwice bool
	// texts keeps one copy of each text the results of one input repeat;
	// nil keeps every copy.
	texts *textPool
}

// Run judges every input with every check and summarises the results.
// Results are ordered by input, then section, then address, then check ID.
func Run(plans []*model.Plan, checks []check.Check, opts Options) *Report {
	pol := opts.Policy
	gate := opts.Gate
	if gate == "" {
		gate = GateAll
	}
	rep := &Report{Profile: opts.Profile.Name, FailOn: opts.FailOn, Gate: gate, Inputs: []Input{}, Results: []Result{}, Errors: []string{}, Warnings: []string{}, Checks: []check.Meta{}, Manual: manualItems(pol)}
	catalogue := len(checks)
	checks = append(checks[:len(checks):len(checks)], pol.Checks()...)
	// enabled holds each check with its declared severity as the policy
	// overrides it; the profile that judges each resource adjusts it. The
	// first inParallel are the catalogue's.
	enabled := make([]check.Check, 0, len(checks))
	inParallel := 0
	settings := pol.Settings()
	for i, c := range checks {
		if !pol.Selected(c.Meta) {
			continue
		}
		c = c.With(settings)
		c.Meta = pol.Meta(c.Meta)
		meta, ok := opts.Profile.Apply(c.Meta)
		if !ok {
			// A resource whose tier tag names another profile may still
			// need the check.
			if !pol.UsesTiers() || !anyProfileRuns(c.Meta) {
				continue
			}
			meta = c.Meta
		}
		enabled = append(enabled, c)
		rep.Checks = append(rep.Checks, meta)
		if i < catalogue {
			inParallel++
		}
	}
	// The catalogue's checks judge each input on its own, inputs in
	// parallel: its planned world, then its prior world. The team's checks
	// then judge the inputs one after another, in the order given: a
	// custom check reports an error once, with the first resource that
	// showed it, and its budget spans the run.
	inputs := judgeAll(plans, enabled[:inParallel], opts)
	for i := range inputs {
		in := &inputs[i] // the prior world's results are appended to it
		for _, c := range enabled[inParallel:] {
			in.planned.runCheck(in.input, c, opts, nil)
		}
		if in.prior != nil {
			prior, _ := in.input.Prior()
			judging := opts
			judging.prior = &in.priorResults
			for _, c := range enabled[inParallel:] {
				in.prior.runCheck(prior, c, judging, nil)
			}
		}
	}
	compared := false
	var parts [][]Result
	for _, in := range inputs {
		part := in.planned
		if in.prior != nil {
			part.compare(in.input, in.priorResults, in.same)
			compared = true
			for _, e := range in.prior.Errors {
				if !slices.Contains(part.Errors, e) {
					part.Errors = append(part.Errors, e+" (judging the world before the plan)")
				}
			}
			part.Invalid = part.Invalid || in.prior.Invalid
		}
		rep.Inputs = append(rep.Inputs, part.Inputs...)
		for _, w := range part.Warnings {
			if !slices.Contains(rep.Warnings, w) {
				rep.Warnings = append(rep.Warnings, w)
			}
		}
		// A check found invalid on several inputs is one error.
		for _, e := range part.Errors {
			if !slices.Contains(rep.Errors, e) {
				rep.Errors = append(rep.Errors, e)
			}
		}
		rep.Invalid = rep.Invalid || part.Invalid
		parts = append(parts, part.Results)
	}
	rep.Results = sortedResults(parts)
	rep.Summary = rep.summarize(compared)
	return rep
}

// ErroredPlan is the error of a plan Terraform recorded as errored:
// planning failed part way, and terraform plan -out saved what it had
// planned. What planning did not reach was not judged, so the plan is not
// called ready.
func ErroredPlan(path string) string {
	return path + ": Terraform recorded that planning failed (errored): the plan is incomplete, and what planning did not reach was not judged"
}

// expectedResults is about how many results judging p's planned world
// gives: one per resource a resource check concerns, and a few per plan
// check. Results are reserved at that size, since a large plan's hundreds
// of thousands would otherwise be copied as the list grows.
func expectedResults(p *model.Plan, enabled []check.Check) int {
	n := 0
	for _, c := range enabled {
		if c.Resource != nil {
			n += p.CountOfType(c.ResourceTypes...)
		} else {
			n += 4
		}
	}
	return n
}

// judgeInput runs every enabled check over one input's planned world,
// then, for a plan, over its prior world: reports of that input alone,
// unsorted and unsummarised, for Run to merge. The prior world gives results
// and errors only (its input, warnings and tags are the plan's), and judges
// again only what the planned world cannot tell it: a finding that read
// nothing but a resource the plan leaves unchanged is the same before the
// plan, and is taken as it is (see sameBefore).
func judgeInput(p *model.Plan, enabled []check.Check, opts Options) judged {
	opts.texts = &textPool{} // this input's: inputs are judged in parallel
	rep := &Report{}
	for _, m := range p.Members() {
		rep.Inputs = append(rep.Inputs, Input{Path: m.Path, Kind: string(m.Kind), TerraformVersion: m.TerraformVersion, FormatVersion: m.FormatVersion})
	}
	for _, w := range p.Warnings {
		if w = safeText(p, nil, w); !slices.Contains(rep.Warnings, w) {
			rep.Warnings = append(rep.Warnings, w)
		}
	}
	for _, m := range p.Members() {
		if m.Errored {
			rep.Errors = append(rep.Errors, safeText(p, nil, ErroredPlan(m.Path)))
		}
	}
	for _, e := range opts.Policy.TagProblems(p) {
		rep.Errors = append(rep.Errors, safeText(p, nil, e))
	}
	rep.Results = make([]Result, 0, expectedResults(p, enabled))
	out := judged{input: p, planned: rep}
	prior, ok := p.Prior()
	if opts.PlannedOnly || !ok {
		for _, c := range enabled {
			rep.runCheck(p, c, opts, nil)
		}
		return out
	}
	var same *sameBefore
	if !opts.judgeAllTwice {
		same = &sameBefore{pairs: map[pairKey]bool{}, results: map[resultKey]bool{}}
	}
	for _, c := range enabled {
		rep.runCheck(p, c, opts, same)
	}
	out.prior = &Report{}
	if same != nil {
		out.same = same.results
	}
	opts.prior = &out.priorResults
	for _, c := range enabled {
		out.prior.runCheck(prior, c, opts, same)
	}
	return out
}

// runCheck runs one check over one world. Each finding is judged by the
// profile of its resource: the run's, or the one its tier tag names. With
// same, judging a planned world records the findings that rest on an
// unchanged resource alone, and judging a prior world skips them.
func (rep *Report) runCheck(p *model.Plan, c check.Check, opts Options, same *sameBefore) {
	// view is the check's metadata for a finding on r of severity sev (0:
	// the check's own). A finding's severity stands for the check's unless
	// the configuration sets the check's; the profile adjusts either.
	view := func(r *model.Resource, sev check.Severity) (check.Meta, bool) {
		prof := opts.Profile
		if tier, ok := opts.Policy.TierProfile(r); ok {
			prof = tier
		}
		m := c.Meta
		if sev.Valid() {
			m.Severity = sev
			m = opts.Policy.Meta(m)
		}
		return prof.Apply(m)
	}
	docs := c.DocsURL()
	if c.Plan != nil {
		findings, _ := guard(rep, p, c.Meta, "", func() []check.Finding { return c.Plan(p) })
		for _, f := range findings {
			r := p.Lookup(f.Address)
			if f.Address == "" {
				r = nil
			}
			if meta, ok := view(r, f.Severity); ok {
				rep.add(p, meta, docs, f, r, opts)
			}
		}
		return
	}
	if c.Resource == nil {
		return
	}
	for _, r := range p.OfType(c.ResourceTypes...) {
		meta, ok := view(r, 0)
		if !ok || opts.prior != nil && same.skips(c, r) {
			continue
		}
		reach, first := p.Reach(), len(rep.Results)
		if f, ok := guard(rep, p, meta, r.Address, func() check.Finding { return c.Resource(p, r) }); ok {
			if f.Address == "" {
				f.Address = r.Address
			}
			if m, ok := view(r, f.Severity); f.Severity.Valid() && ok {
				meta = m
			}
			rep.add(p, meta, docs, f, r, opts)
		}
		if opts.prior == nil && p.Reach() == reach {
			same.learn(c, r, rep.Results[first:])
		}
	}
}

// anyProfileRuns reports whether some profile runs the check.
func anyProfileRuns(m check.Meta) bool {
	for _, name := range profile.Names() {
		if prof, err := profile.Lookup(name); err == nil {
			if _, ok := prof.Apply(m); ok {
				return true
			}
		}
	}
	return false
}

// manualItems lists every checklist item no plan can show, with the
// policy's attestation of it.
func manualItems(pol *policy.Policy) []ManualItem {
	out := []ManualItem{}
	for _, it := range policy.ManualItems() {
		key := policy.ManualKey(it)
		m := ManualItem{Item: key, Section: it.Section, Title: it.Item}
		if a, ok := pol.Attestation(key); ok {
			m.Attested, m.By, m.On, m.Note = true, a.By, a.On, a.Note
		}
		out = append(out, m)
	}
	return out
}

// guard runs check logic, turning a panic into a reported error so that one
// faulty check never stops a scan: ok is false after a panic. A resource
// check's one finding is returned as it is, not in a list of its own.
func guard[T any](rep *Report, p *model.Plan, meta check.Meta, addr string, fn func() T) (out T, ok bool) {
	defer func() {
		if v := recover(); v != nil {
			where := p.Path
			if addr != "" {
				where += " " + addr
			}
			rep.Errors = append(rep.Errors, safeText(p, nil, fmt.Sprintf("check %s could not judge %s: internal error: %v", meta.ID, where, v)))
			var zero T
			out, ok = zero, false
		}
	}()
	return fn(), true
}

// add records the finding f of the check meta describes; docs is the
// check's page (meta.DocsURL, built once per check and shared by its
// results: a large plan has hundreds of thousands).
func (rep *Report) add(p *model.Plan, meta check.Meta, docs string, f check.Finding, r *model.Resource, opts Options) {
	if f.Err != nil {
		rep.addInvalid(p, meta, f.Err)
		return
	}
	if f.Status == "" {
		return
	}
	f = ifCreated(r, settleAssumptions(f))
	failed := f.Status == check.StatusFail // before waivers and baselines
	// In a pool, the finding is the input's it comes from, at its address
	// there: waivers, baselines and locations read them so.
	origin, addr := p.Origin(f.Address)
	f.Address = addr
	if opts.prior != nil {
		// Compared, never shown: what it is and the evidence a transition
		// quotes.
		*opts.prior = append(*opts.prior, priorResult{
			key:      resultKey{input: origin.Path, check: meta.ID, address: f.Address},
			failed:   failed,
			evidence: opts.texts.safeEvidence(p, r, f.Evidence),
		})
		return
	}
	pol := opts.Policy
	f, inBaseline := pol.Review(origin, r, meta, f)
	resourceType := ""
	if r != nil {
		resourceType = r.Type
	}
	if d, ok := pol.Docs(meta.ID); ok {
		docs = d
	}
	rep.Results = append(rep.Results, Result{
		CheckID:      meta.ID,
		Title:        meta.Title,
		Section:      meta.Section,
		Category:     meta.Category,
		Severity:     meta.Severity,
		Status:       f.Status,
		Input:        origin.Path,
		Address:      f.Address,
		ResourceType: resourceType,
		Message:      opts.texts.message(safeText(p, r, inputWording(p, f.Message))),
		Evidence:     opts.texts.safeEvidence(p, r, f.Evidence),
		Remediation:  meta.Remediation,
		Docs:         docs,
		InBaseline:   inBaseline,
		Failed:       failed,
	})
}

// addInvalid records that a check's definition is wrong, once per check and
// message however many resources showed it.
func (rep *Report) addInvalid(p *model.Plan, meta check.Meta, err error) {
	msg := safeText(p, nil, fmt.Sprintf("check %s is invalid: %v", meta.ID, err))
	rep.Invalid = true
	if !slices.Contains(rep.Errors, msg) {
		rep.Errors = append(rep.Errors, msg)
	}
}

// sortedResults returns the results of every part in one list, ordered
// by input, then section, then address, then check ID, results alike in
// all four kept in the order the parts give them. Positions are sorted and
// each result is then moved once: sorting the results themselves moves
// each of a large plan's hundreds of thousands many times. A single part,
// as a scan of one plan gives, is sorted where it is, so that a large
// plan's results are never held twice.
func sortedResults(parts [][]Result) []Result {
	var all []Result
	switch nonEmpty := slices.DeleteFunc(slices.Clone(parts), func(p []Result) bool { return len(p) == 0 }); len(nonEmpty) {
	case 0:
		return []Result{}
	case 1:
		all = nonEmpty[0]
	default:
		all = slices.Concat(nonEmpty...)
	}
	order := make([]int32, len(all))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return compareResults(&all[a], &all[b]) })
	permute(all, order)
	return all
}

// permute moves each element of s once so that s[k] becomes the old
// s[order[k]], following each cycle of the permutation; order is used up.
func permute[T any](s []T, order []int32) {
	for start := range s {
		if order[start] < 0 || int(order[start]) == start {
			continue
		}
		held := s[start]
		k := start
		for {
			from := int(order[k])
			order[k] = -1
			if from == start {
				s[k] = held
				break
			}
			s[k] = s[from]
			k = from
		}
	}
}

func compareResults(a, b *Result) int {
	if a.Input != b.Input {
		return strings.Compare(a.Input, b.Input)
	}
	if a.Section != b.Section {
		return cmp.Compare(sectionOrder(a.Section), sectionOrder(b.Section))
	}
	if a.Address != b.Address {
		return strings.Compare(a.Address, b.Address)
	}
	return strings.Compare(a.CheckID, b.CheckID)
}

// summarize counts the results; compared says whether some input had a
// prior world, so that the changes are counted.
func (rep *Report) summarize(compared bool) Summary {
	s := Summary{Ready: true, Sections: []SectionSummary{}}
	if compared {
		s.Changes = &ChangeSummary{}
	}
	bySection := map[string]*SectionSummary{}
	for _, r := range rep.Results {
		if s.Changes != nil {
			s.Changes.count(r)
		}
		sec := bySection[r.Section]
		if sec == nil {
			sec = &SectionSummary{Section: r.Section}
			bySection[r.Section] = sec
		}
		switch r.Status {
		case check.StatusPass:
			s.Pass++
			sec.Pass++
		case check.StatusFail:
			s.Fail++
			sec.Fail++
			if rep.Blocks(r) {
				s.Ready = false
			}
		case check.StatusUnknown:
			s.Unknown++
			sec.Unknown++
		case check.StatusWaived:
			s.Waived++
		}
	}
	s.Score = score(s.Pass, s.Fail)
	for _, sec := range bySection {
		sec.Score = score(sec.Pass, sec.Fail)
		s.Sections = append(s.Sections, *sec)
	}
	sort.Slice(s.Sections, func(i, j int) bool {
		return sectionOrder(s.Sections[i].Section) < sectionOrder(s.Sections[j].Section)
	})
	return s
}

// sectionOrder places sections in checklist order, unknown ones last.
func sectionOrder(section string) int {
	for i, s := range check.Sections {
		if s == section {
			return i
		}
	}
	return len(check.Sections)
}

// score is the share of decided results that pass, 0 to 100; a plan with
// nothing decided scores 100.
func score(pass, fail int) int {
	if pass+fail == 0 {
		return 100
	}
	return (pass*100 + (pass+fail)/2) / (pass + fail)
}
