package checks

import (
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
var OwnerTag = check.Check{
	Meta: check.Meta{
		ID:            "owner_tag",
		Title:         "Workload carries an owner or team tag",
		Section:       "on_call",
		Category:      "ownership",
		Severity:      check.SeverityLow,
		ResourceTypes: typeSet(workloadTypes, mapKeys(statefulTypes)),
		Description: "When a database alarms at night or a bill spikes, the first question is whose it is. " +
			"An owner or team tag (label, on Google Cloud and Kubernetes) answers it and lets alerts, costs " +
			"and incidents be routed to the right on-call rotation. Any tag whose key starts with owner or " +
			"team counts (Owner, team, owner_email, TeamName); tags set through the provider's default_tags " +
			"count too.",
		Remediation: "Add an owner or team tag to the resource, or once for all resources through the AWS " +
			"provider's default_tags (default_labels on Google Cloud).",
		Example: `provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { team = "orders", owner = "orders-oncall@example.com" }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		// Auto Scaling groups carry tag blocks of key and value.
		for i, t := range r.Attr("tag").List() {
			o, _ := t.(model.Object)
			k, _ := o.Get("key")
			v, _ := o.Get("value")
			if ks, ok := k.(string); ok && ownerKey(ks) && v != nil && v != "" {
				return pass("the resource names its owner", ev(p, r, "tag", i))
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
				if v, ok := f.Value.(string); ok && v != "" && ownerKey(f.Name) {
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
			return fail("the resource carries no owner or team tag", ev(p, r, (*empty)...))
		}
		return unknown("the plan holds no tags or labels for the resource", evText("tags", "(not in plan)"))
	},
}

// ownerKey reports whether a tag key names an owner or a team.
func ownerKey(k string) bool {
	k = strings.ToLower(k)
	return strings.HasPrefix(k, "owner") || strings.HasPrefix(k, "team")
}
