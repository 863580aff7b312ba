package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// ownerLabelPaths are where resources keep their tags or labels, most
// complete first: tags_all includes the AWS provider's default_tags, and
// effective_labels the Google provider's default_labels.
var ownerLabelPaths = []model.Path{
	{"tags_all"}, {"tags"},
	{"effective_labels"}, {"terraform_labels"}, {"labels"}, {"resource_labels"}, {"user_labels"},
	{"settings", 0, "user_labels"},
	{"metadata", 0, "labels"}, {"tag"},
}

// OwnerTag asks every workload to name the team that owns it.
var OwnerTag = ownerTag(nil)

// ownerTag is the check with the tag keys a team's owner_tags names, or
// the default ones.
func ownerTag(keys []string) check.Check {
	owner := newOwnerKeys(keys)
	return check.Check{
		Meta: check.Meta{
			ID:            "owner_tag",
			Title:         "Workload carries an owner or team tag",
			Section:       "on_call",
			Category:      "ownership",
			Severity:      check.SeverityLow,
			ResourceTypes: typeSet(workloadTypes, mapKeys(statefulTypes)),
			Description: "When a database alarms at night or a bill spikes, the first question is whose it is. " +
				"A tag (label, on Google Cloud and Kubernetes) that names a person, a team or the unit that pays " +
				"for the resource answers it and lets alerts, costs and incidents be routed to the right on-call " +
				"rotation. By default a key counts when it contains owner, team or contact (Owner, team_name, " +
				"app_contacts, technical_owner), or is created_by, creator, maintainer, squad, business_unit or a " +
				"cost center (cost_center, CostCenter, cost-centre), compared without case and without the " +
				"separators _ - . : / and spaces; .readiness.hcl's owner_tags replaces that list. A value that " +
				"names a tool (terraform, pulumi, cloudformation) or no one (none, unknown, tbd) does not count. " +
				"Tags set through the provider's default_tags count too.",
			Remediation: "Add an owner or team tag to the resource, or once for all resources through the AWS " +
				"provider's default_tags (default_labels on Google Cloud); if the team uses another key, list " +
				"it in owner_tags in .readiness.hcl.",
			Example: `provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { team = "orders", owner = "orders-oncall@example.com" }
  }
}`,
		},
		Configure: func(s check.Settings) check.Check { return ownerTag(s.OwnerTags) },
		Resource: func(p *model.Plan, r *model.Resource) check.Finding {
			// Auto Scaling groups carry tag blocks of key and value, and
			// before AWS provider v5 a tags list of such maps too.
			for _, attr := range []string{"tag", "tags"} {
				for i, t := range r.Attr(attr).List() {
					o, _ := t.(model.Object)
					k, _ := o.Get("key")
					v, _ := o.Get("value")
					if ks, ok := k.(string); ok && owner.names(ks, v) {
						return pass("the resource names its owner", ev(p, r, attr, i))
					}
				}
			}
			var undecided, empty *model.Path
			for i, path := range ownerLabelPaths {
				a := r.Attr(path...)
				switch {
				case a.Unknown:
					if undecided == nil {
						undecided = &ownerLabelPaths[i]
					}
					continue
				case !a.Present:
					continue
				}
				for _, f := range a.Object() {
					if owner.names(f.Name, f.Value) {
						return pass("the resource names its owner", ev(p, r, append(append(model.Path{}, path...), f.Name)...))
					}
				}
				if empty == nil {
					empty = &ownerLabelPaths[i]
				}
			}
			switch {
			case undecided != nil:
				return unknown("the resource's tags are known only after apply", ev(p, r, (*undecided)...))
			case empty != nil:
				return fail(fmt.Sprintf("the resource carries no tag that names its owner (keys that count: %s)", owner), ev(p, r, (*empty)...))
			}
			return unknown("the plan holds no tags or labels for the resource", evText("tags", "(not in plan)"))
		},
	}
}

// defaultOwnerTags are the keys that name an owner unless owner_tags says
// otherwise: whoever answers for the resource, a person or a team, and the
// business unit or cost center that pays for it (FinOps routes by it).
// Project, application and environment tags name what a resource is, not
// who answers for it, and do not count.
var defaultOwnerTags = []string{
	"*owner*", "*team*", "*contact*",
	"created_by", "creator", "maintainer*", "squad",
	"business_unit", "cost_center", "cost_centre",
}

// nobody are tag values that name no one who could answer: the tool that
// created the resource, or a placeholder. Compared squashed.
var nobody = map[string]bool{
	"terraform": true, "terragrunt": true, "opentofu": true, "pulumi": true, "cloudformation": true,
	"cdk": true, "helm": true, "none": true, "unknown": true, "na": true, "tbd": true, "todo": true,
	"changeme": true, "null": true,
}

// ownerKeys match tag keys against owner_tags patterns: compared without
// case and separators, * standing for any characters.
type ownerKeys struct {
	shown    []string
	patterns []string
}

func newOwnerKeys(keys []string) ownerKeys {
	if len(keys) == 0 {
		keys = defaultOwnerTags
	}
	o := ownerKeys{shown: keys}
	for _, k := range keys {
		o.patterns = append(o.patterns, squashKey(k))
	}
	return o
}

// names reports whether a tag names an owner: its key matches and its
// value is a non-empty string that names someone.
func (o ownerKeys) names(key string, value any) bool {
	v, ok := value.(string)
	if !ok || strings.TrimSpace(v) == "" || nobody[squashKey(v)] {
		return false
	}
	k := squashKey(key)
	for _, pat := range o.patterns {
		if wildcardMatch(pat, k) {
			return true
		}
	}
	return false
}

func (o ownerKeys) String() string { return strings.Join(o.shown, ", ") }

// squashKey lowercases a tag key or value and drops the separators
// spellings differ by (cost_center, CostCenter, cost-center, app.kubernetes.io/owner).
func squashKey(s string) string {
	return strings.Map(func(c rune) rune {
		switch c {
		case '_', '-', '.', ':', '/', ' ':
			return -1
		}
		return c
	}, strings.ToLower(strings.TrimSpace(s)))
}

// wildcardMatch reports whether s matches pattern, where * stands for any
// characters (none included) and everything else for itself.
func wildcardMatch(pattern, s string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == s
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	for _, mid := range parts[1 : len(parts)-1] {
		i := strings.Index(s, mid)
		if i < 0 {
			return false
		}
		s = s[i+len(mid):]
	}
	return strings.HasSuffix(s, parts[len(parts)-1])
}
