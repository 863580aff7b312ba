package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// GoogleGKEControlPlaneAccess requires the GKE control plane endpoint to be
// private or limited to authorized networks.
var GoogleGKEControlPlaneAccess = check.Check{
	Meta: check.Meta{
		ID:            "google_gke_control_plane_access",
		Title:         "GKE control plane is not reachable from the whole internet",
		Section:       "security",
		Category:      "public_access",
		Severity:      check.SeverityHigh,
		Cloud:         "google",
		ResourceTypes: []string{"google_container_cluster"},
		Description: "By default a GKE cluster's public endpoint accepts connections from any address: the " +
			"Kubernetes API is then exposed to credential stuffing and to every future API-server vulnerability. " +
			"A private endpoint or master authorized networks limit it to the networks that administer the cluster.",
		Remediation: "Add master_authorized_networks_config with the CIDR blocks of your CI and administrators, " +
			"or enable private_cluster_config.enable_private_endpoint.",
		Example: `resource "google_container_cluster" "main" {
  name     = "prod"
  location = "europe-west1"
  master_authorized_networks_config {
    cidr_blocks {
      cidr_block   = "10.0.0.0/8"
      display_name = "corporate"
    }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		private := r.Attr("private_cluster_config", 0, "enable_private_endpoint")
		if on, ok := private.Bool(); ok && on {
			return pass("the control plane has only a private endpoint", ev(p, r, "private_cluster_config", 0, "enable_private_endpoint"))
		}
		cfg, e, why := settleBlock(p, r, "master_authorized_networks_config")
		if why != "" {
			return unknown(why, e)
		}
		blocks, _ := cfg.([]any)
		if unset, _ := unsetComputedBlock(r, "master_authorized_networks_config"); unset {
			e.Value = "(not set in configuration: GKE then admits any address)"
		}
		if len(blocks) == 0 {
			return fail("the control plane's public endpoint accepts connections from any address", e)
		}
		cidrs := r.Attr("master_authorized_networks_config", 0, "cidr_blocks")
		if cidrs.Unknown {
			return unknown("the authorized networks are known only after apply", e)
		}
		for i, b := range cidrs.List() {
			c := r.Attr("master_authorized_networks_config", 0, "cidr_blocks", i, "cidr_block")
			if c.Unknown {
				return unknown("an authorized network is known only after apply", ev(p, r, "master_authorized_networks_config", 0, "cidr_blocks", i))
			}
			if s, _ := fieldOf(b, "cidr_block").(string); admitsAnyAddress(s) {
				return fail("an authorized network admits every address", ev(p, r, "master_authorized_networks_config", 0, "cidr_blocks", i))
			}
		}
		return pass("the control plane accepts connections only from authorized networks", e)
	},
}
