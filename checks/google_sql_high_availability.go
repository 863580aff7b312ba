package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// GoogleSQLHighAvailability requires Cloud SQL instances to keep a standby
// in a second zone.
var GoogleSQLHighAvailability = check.Check{
	Meta: check.Meta{
		ID:            "google_sql_high_availability",
		Title:         "Cloud SQL instance is regional (high availability)",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityHigh,
		Cloud:         "google",
		ResourceTypes: []string{"google_sql_database_instance"},
		Description: "A ZONAL Cloud SQL instance lives in one zone: a zone outage or a failed host takes the " +
			"database down until Google recovers it. A REGIONAL instance keeps a synchronous standby in a second " +
			"zone and fails over to it automatically.",
		Remediation: "Set settings.availability_type = \"REGIONAL\" (the provider default is ZONAL), with " +
			"backups enabled and, for MySQL, binary logging; for PostgreSQL, point-in-time recovery.",
		Example: `resource "google_sql_database_instance" "main" {
  database_version = "POSTGRES_16"
  region           = "europe-west1"
  settings {
    tier              = "db-custom-2-7680"
    availability_type = "REGIONAL"
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		v, e, why := sqlSettle(p, r, "ZONAL", "availability_type")
		if why != "" {
			return unknown(why, e)
		}
		if v == "REGIONAL" {
			return pass("the instance keeps a standby in a second zone", e)
		}
		return fail("the instance runs in a single zone: a zone outage takes the database down", e)
	},
}
