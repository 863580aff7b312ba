package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// GoogleMIGRegional requires managed instance groups to spread over zones.
var GoogleMIGRegional = check.Check{
	Meta: check.Meta{
		ID:            "google_mig_regional",
		Title:         "Managed instance group spans several zones",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityHigh,
		Cloud:         "google",
		ResourceTypes: []string{"google_compute_instance_group_manager", "google_compute_region_instance_group_manager"},
		Description: "A zonal managed instance group puts every instance in one zone, so a zone outage takes the " +
			"whole service down. A regional group spreads instances over the region's zones and recreates them " +
			"elsewhere when a zone fails. Zonal groups of one resource block (count or for_each) placed in " +
			"different zones count as spread.",
		Remediation: "Use google_compute_region_instance_group_manager (leave distribution_policy_zones unset, " +
			"or list at least two zones).",
		Example: `resource "google_compute_region_instance_group_manager" "web" {
  name               = "web"
  region             = "europe-west1"
  base_instance_name = "web"
  version {
    instance_template = google_compute_instance_template.web.id
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if r.Type == "google_compute_region_instance_group_manager" {
			e := ev(p, r, "distribution_policy_zones")
			if isUnsetComputed(r, "distribution_policy_zones") {
				e.Value = "(not set in configuration: spread over the region's zones)"
				return pass("the regional group spreads instances over the region's zones", e)
			}
			a := r.Attr("distribution_policy_zones")
			switch n := len(a.List()); {
			case a.Unknown:
				return unknown("distribution_policy_zones is known only after apply", e)
			case n == 1:
				return fail("the regional group is pinned to a single zone", e)
			}
			return pass("the regional group spreads instances over several zones", e)
		}
		list, undecided, uncounted := blockZones(p, r, "zone", func(sib *model.Resource) ([]string, bool) {
			z := strAt(sib, "zone")
			return []string{z}, z != ""
		})
		if undecided != nil {
			return unknown("the zone of the group (or of a group of the same block) is known only after apply",
				ev(p, undecided, "zone"))
		}
		e := evText("zone", "%s (groups of this resource block: %s)", p.Show(r, r.Attr("zone")), strings.Join(list, ", "))
		if uncounted != nil {
			return countUnknown(uncounted, e)
		}
		if len(list) > 1 {
			return pass(fmt.Sprintf("the groups of this resource block span %d zones", len(list)), e)
		}
		return fail("the group and its instances live in one zone: a zone outage takes them all down", e)
	},
}
