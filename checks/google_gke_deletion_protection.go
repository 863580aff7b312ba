package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// GoogleGKEDeletionProtection requires GKE clusters to resist deletion by
// Terraform.
var GoogleGKEDeletionProtection = check.Check{
	Meta: check.Meta{
		ID:            "google_gke_deletion_protection",
		Title:         "GKE cluster is protected from deletion",
		Section:       "disaster_recovery",
		Category:      "deletion_protection",
		Severity:      check.SeverityMedium,
		Cloud:         "google",
		ResourceTypes: []string{"google_container_cluster"},
		Description: "Deleting a cluster takes every workload on it down, with persistent volumes whose " +
			"reclaim policy is Delete. Since provider v5 deletion_protection (default true) makes Terraform " +
			"refuse to destroy or replace the cluster until it is set to false.",
		Remediation: "Keep deletion_protection = true (the default); set it to false only in the change that " +
			"deliberately removes the cluster.",
		Example: `resource "google_container_cluster" "main" {
  name                = "prod"
  location            = "europe-west1"
  deletion_protection = true
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		v, e, why := settle(p, r, true, "deletion_protection")
		if why != "" {
			return unknown(why, e)
		}
		if on, _ := boolOf(v); on {
			return pass("Terraform refuses to delete the cluster", e)
		}
		return fail("nothing stops Terraform from deleting the cluster and every workload on it", e)
	},
}
