package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// GoogleSQLDeletionProtection requires Cloud SQL instances to resist
// deletion by Terraform or through the API.
var GoogleSQLDeletionProtection = check.Check{
	Meta: check.Meta{
		ID:            "google_sql_deletion_protection",
		Title:         "Cloud SQL instance is protected from deletion",
		Section:       "disaster_recovery",
		Category:      "deletion_protection",
		Severity:      check.SeverityMedium,
		Cloud:         "google",
		ResourceTypes: []string{"google_sql_database_instance"},
		Description: "Deleting a Cloud SQL instance deletes its automated backups with it. The provider's " +
			"deletion_protection (default true since provider 3.x) stops terraform destroy or a replacing change; " +
			"settings.deletion_protection_enabled stops deletion through the console and the API.",
		Remediation: "Keep deletion_protection = true (do not set it to false), and set " +
			"settings.deletion_protection_enabled = true to guard against deletion outside Terraform too.",
		Example: `resource "google_sql_database_instance" "main" {
  database_version    = "POSTGRES_16"
  deletion_protection = true
  settings {
    tier                        = "db-custom-2-7680"
    deletion_protection_enabled = true
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		api, eAPI, whyAPI := sqlSettle(p, r, false, "deletion_protection_enabled")
		if on, _ := boolOf(api); on && whyAPI == "" {
			return pass("the instance cannot be deleted through the API or Terraform", eAPI)
		}
		tf, e, why := settle(p, r, true, "deletion_protection")
		if why != "" {
			return unknown(why, e, eAPI)
		}
		if on, _ := boolOf(tf); on {
			return pass("Terraform refuses to delete the instance", e, eAPI)
		}
		if whyAPI != "" {
			return unknown(whyAPI, e, eAPI)
		}
		return fail("nothing stops the instance, and its backups, from being deleted", e, eAPI)
	},
}
