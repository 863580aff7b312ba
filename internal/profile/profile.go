// Package profile says what each readiness profile requires and at what
// severity: production as the checks declare it, staging without the checks
// that ask for a second region, development failing nothing but destructive
// changes and the team's own check blocks.
package profile

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
)

// Profile adjusts checks to an environment tier.
type Profile struct {
	Name        string
	Description string
	apply       func(check.Meta) (check.Meta, bool)
}

// Apply returns the check's metadata as this profile sees it, and false when
// the profile does not run the check at all.
func (p Profile) Apply(m check.Meta) (check.Meta, bool) {
	if p.apply == nil {
		return m, true
	}
	return p.apply(m)
}

// Default is the profile used when none is named.
const Default = "production"

var profiles = map[string]Profile{
	"production": {
		Name:        "production",
		Description: "Every check at the severity it declares.",
	},
	"staging": {
		Name: "staging",
		Description: "As production, but the checks that ask for a second region (multi-region workloads, " +
			"cross-region replicas, replication and backup copies) do not run: a staging stack rarely spans regions.",
		apply: func(m check.Meta) (check.Meta, bool) {
			return m, !secondRegion(m)
		},
	},
	"development": {
		Name: "development",
		Description: "As staging, and only destructive changes and failed check blocks keep their severity; " +
			"everything else is reported as low.",
		apply: func(m check.Meta) (check.Meta, bool) {
			if m.Category != "destructive_change" && m.Category != "check_block" {
				m.Severity = check.SeverityLow
			}
			return m, !secondRegion(m)
		},
	},
}

// secondRegion reports whether a check asks for a second region: the
// catalogue marks its own, and a team's check of category multi_region
// counts too.
func secondRegion(m check.Meta) bool {
	return m.CrossRegion || m.Category == "multi_region"
}

// aliases are the short names accepted wherever a profile is named.
var aliases = map[string]string{"prod": "production", "stage": "staging", "dev": "development"}

// Lookup returns the named profile. Names and aliases are compared without
// case.
func Lookup(name string) (Profile, error) {
	key := strings.ToLower(name)
	if full, ok := aliases[key]; ok {
		key = full
	}
	if p, ok := profiles[key]; ok {
		return p, nil
	}
	return Profile{}, fmt.Errorf("unknown profile %q (want %s, or %s)", name,
		strings.Join(Names(), ", "), strings.Join(Aliases(), ", "))
}

// Aliases lists the short names, sorted: dev, prod, stage.
func Aliases() []string { return slices.Sorted(maps.Keys(aliases)) }

// AcceptedNames lists every name Lookup accepts, profiles and aliases,
// sorted: for shell completion and validators.
func AcceptedNames() []string { return slices.Sorted(slices.Values(append(Names(), Aliases()...))) }

// Names lists the profiles.
func Names() []string { return slices.Sorted(maps.Keys(profiles)) }

// tiers maps the values teams give an environment tag to the profile that
// judges resources so tagged. Values are compared in lowercase.
var tiers = map[string]string{
	"prod": "production", "production": "production", "live": "production",
	"staging": "staging", "stage": "staging", "preprod": "staging", "pre-prod": "staging", "qa": "staging", "uat": "staging",
	"dev": "development", "development": "development", "test": "development", "testing": "development", "sandbox": "development",
}

// ForTier returns the profile for an environment tier as a tag names it
// (dev, development, test, staging, prod, ...), case-insensitive, and false
// for a value that names no tier.
func ForTier(value string) (Profile, bool) {
	name, ok := tiers[strings.ToLower(strings.TrimSpace(value))]
	if !ok {
		return Profile{}, false
	}
	return profiles[name], true
}

// TierValues lists the tag values ForTier recognises, sorted.
func TierValues() []string { return slices.Sorted(maps.Keys(tiers)) }
