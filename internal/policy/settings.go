package policy

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// criticalTiers are the tier tag values that mark a resource critical,
// compared in lowercase without separators: the checks whose weight depends
// on how much a resource matters (alarm coverage, S3 replication) report
// it at a higher severity.
var criticalTiers = map[string]bool{
	"critical": true, "businesscritical": true, "missioncritical": true,
	"tier0": true, "tier1": true,
}

// Settings are what the configuration tells the checks that read it: the
// owner tag keys, which resources a tier tag marks critical, and each
// resource's recovery objectives. A configuration without objective blocks
// still gives the objectives resources declare by tag; a configuration
// file that declares any (not a baseline alone) asks every data store for
// them.
func (p *Policy) Settings() check.Settings {
	if p == nil {
		return check.Settings{}
	}
	s := check.Settings{
		OwnerTags:          p.OwnerTags,
		Recovery:           p.objectivesFor,
		DeclaresObjectives: p.Source != "" && len(p.Objectives) > 0,
	}
	if len(p.TierTags) > 0 {
		s.Critical = p.Critical
	}
	return s
}

// Critical reports whether one of r's tier tags (any of them, not only the
// first found) says critical, business-critical, mission-critical, tier-0
// or tier-1, in any case and with any separator.
func (p *Policy) Critical(r *model.Resource) bool {
	if p == nil || r == nil || len(p.TierTags) == 0 {
		return false
	}
	tags := ResourceTags(r)
	for _, key := range p.TierTags {
		if v, ok := tags.Get(key); ok && criticalTiers[squash(v)] {
			return true
		}
	}
	return false
}

// squash lowercases s and drops spaces, hyphens, underscores and dots.
func squash(s string) string {
	return strings.Map(func(c rune) rune {
		switch c {
		case ' ', '-', '_', '.':
			return -1
		}
		return c
	}, strings.ToLower(strings.TrimSpace(s)))
}
