package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// GoogleGKERegional requires GKE clusters to be regional: control plane and
// nodes replicated over the region's zones.
var GoogleGKERegional = check.Check{
	Meta: check.Meta{
		ID:            "google_gke_regional",
		Title:         "GKE cluster is regional",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityHigh,
		Cloud:         "google",
		ResourceTypes: []string{"google_container_cluster"},
		Description: "A zonal GKE cluster has a single control plane in one zone: during a zone outage or a " +
			"control-plane upgrade nothing can be deployed or rescheduled, and its nodes (unless node_locations " +
			"adds zones) fail with the zone. A regional cluster replicates the control plane and spreads nodes " +
			"over three zones.",
		Remediation: "Set location to a region (\"europe-west1\") instead of a zone (\"europe-west1-b\"). " +
			"The location cannot be changed in place: plan a migration to a new cluster.",
		Example: `resource "google_container_cluster" "main" {
  name     = "prod"
  location = "europe-west1"
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		loc, e, why := settle(p, r, nil, "location")
		s, _ := loc.(string)
		switch {
		case why != "":
			return unknown(why, e)
		case gcpRegionPattern.MatchString(s):
			return pass("the cluster is regional: its control plane and nodes span the region's zones", e)
		case !gcpZonePattern.MatchString(s):
			return unknown(fmt.Sprintf("location %q is neither a region nor a zone", s), e)
		}
		if zones := r.Attr("node_locations").Strings(); len(zones) > 1 {
			return fail("the cluster is zonal: its nodes span several zones but its control plane lives in one",
				e, ev(p, r, "node_locations"))
		}
		return fail("the cluster is zonal: a zone outage takes down its control plane and nodes", e)
	},
}
