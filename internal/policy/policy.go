// Package policy is a team's own rules for a scan, as .readiness.hcl
// declares them (internal/config reads the file): which checks run and at
// what severity, which environment tier a resource belongs to, waivers,
// a baseline of known failures, recovery objectives, attestations of the
// checklist items no plan can show, and the team's own checks.
//
// The engine asks a Policy; a nil *Policy is valid and changes nothing.
package policy

import (
	"sync"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// DocsBase is the configuration reference; custom checks without docs of
// their own link to its section on them.
const DocsBase = "https://github.com/prodready/terraform-provider-readiness/blob/main/docs/configuration.md"

// Name is a word of the configuration (a check ID, category or section)
// with where it was written, for error messages.
type Name struct {
	Value string
	Range hcl.Range
}

// Override replaces a check's declared severity.
type Override struct {
	Level check.Severity
	Range hcl.Range
}

// Policy is everything a configuration file (and the --baseline flag) adds
// to a scan.
type Policy struct {
	// Source names the configuration file in messages; "" when there is none.
	Source string

	// Enabled, when not empty, runs only the checks it names (by ID, alias,
	// category or section); Disabled then removes the checks it names.
	Enabled, Disabled []Name
	// Severity replaces the declared severity of the checks it names, by ID
	// or alias; the profile then adjusts it as it does any check's.
	Severity map[string]Override
	// TierTags are the tag keys (case-insensitive, first found wins) whose
	// value names a resource's environment tier: a resource tagged dev,
	// test or staging is judged with that profile instead of the run's.
	TierTags []string
	// OwnerTags are the tag and label keys that name a resource's owner
	// (patterns, see the owner_tag check); empty: the check's default.
	OwnerTags []string
	// Objectives are the declared recovery point and time objectives.
	Objectives []Objective
	// Attestations record checklist items that no plan can show, by key.
	Attestations map[string]Attestation
	// Waivers accept known failures until they expire.
	Waivers []Waiver
	// NoTagWaivers turns the readiness:waive tags of resources off
	// (tag_waivers = false): waivers then come from this file alone, which
	// a team can have reviewed apart from the code it judges.
	NoTagWaivers bool
	// Custom are the team's own checks.
	Custom []Custom
	// Baseline holds failures recorded earlier: they are waived.
	Baseline *Baseline
	// Now is the clock waivers expire by; nil is time.Now. Tests set it.
	Now func() time.Time

	// cache guards tiers and inline: the engine judges inputs in
	// parallel. A result computed twice by two inputs at once is the same.
	cache  sync.Mutex
	tiers  map[*model.Resource]tierResult
	inline map[*model.Resource]inlineResult
}

type tierResult struct {
	prof profile.Profile
	ok   bool
}

func (p *Policy) now() time.Time {
	if p == nil || p.Now == nil {
		return time.Now()
	}
	return p.Now()
}

// names reports whether any of list names the check by ID, alias, category
// or section.
func names(list []Name, m check.Meta) bool {
	for _, n := range list {
		if nameMatches(n.Value, m) {
			return true
		}
	}
	return false
}

func nameMatches(name string, m check.Meta) bool {
	if name == m.ID || name == m.Category || name == m.Section {
		return true
	}
	for _, a := range m.Aliases {
		if name == a {
			return true
		}
	}
	return false
}

// Selected reports whether the configuration runs the check at all.
func (p *Policy) Selected(m check.Meta) bool {
	if p == nil {
		return true
	}
	if len(p.Enabled) > 0 && !names(p.Enabled, m) {
		return false
	}
	return !names(p.Disabled, m)
}

// Meta returns the check's metadata with the configured severity, if any.
func (p *Policy) Meta(m check.Meta) check.Meta {
	if p == nil || len(p.Severity) == 0 {
		return m
	}
	for _, id := range append([]string{m.ID}, m.Aliases...) {
		if o, ok := p.Severity[id]; ok {
			m.Severity = o.Level
			return m
		}
	}
	return m
}

// TierProfile returns the profile a resource's tier tag asks for, and false
// when no tier tag names a known tier (the run's profile then applies).
func (p *Policy) TierProfile(r *model.Resource) (profile.Profile, bool) {
	if p == nil || len(p.TierTags) == 0 || r == nil {
		return profile.Profile{}, false
	}
	p.cache.Lock()
	t, ok := p.tiers[r]
	p.cache.Unlock()
	if ok {
		return t.prof, t.ok
	}
	var res tierResult
	tags := ResourceTags(r)
	for _, key := range p.TierTags {
		if v, ok := tags.Get(key); ok {
			if prof, ok := profile.ForTier(v); ok {
				res = tierResult{prof, true}
				break
			}
		}
	}
	p.cache.Lock()
	defer p.cache.Unlock()
	if p.tiers == nil {
		p.tiers = map[*model.Resource]tierResult{}
	}
	p.tiers[r] = res
	return res.prof, res.ok
}

// UsesTiers reports whether resources may be judged by another profile than
// the run's.
func (p *Policy) UsesTiers() bool { return p != nil && len(p.TierTags) > 0 }

// Checks returns the checks the policy adds to a run: the team's own
// checks. The recovery objective checks are the catalogue's; they read the
// policy's objectives through Settings.
func (p *Policy) Checks() []check.Check {
	if p == nil {
		return nil
	}
	var out []check.Check
	for i := range p.Custom {
		out = append(out, p.Custom[i].Check())
	}
	return out
}

// Docs returns the documentation page of a check the policy made.
func (p *Policy) Docs(id string) (string, bool) {
	if p == nil {
		return "", false
	}
	for _, c := range p.Custom {
		if c.ID == id {
			if c.Docs != "" {
				return c.Docs, true
			}
			return DocsBase + "#custom-checks", true
		}
	}
	return "", false
}
