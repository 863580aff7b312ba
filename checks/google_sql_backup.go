package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// GoogleSQLBackup requires automated backups on Cloud SQL instances.
var GoogleSQLBackup = check.Check{
	Meta: check.Meta{
		ID:            "google_sql_backup",
		Title:         "Cloud SQL instance takes automated backups",
		Section:       "disaster_recovery",
		Category:      "backup",
		Severity:      check.SeverityHigh,
		Cloud:         "google",
		ResourceTypes: []string{"google_sql_database_instance"},
		Description: "Without automated backups a dropped table, a bad migration or a corrupted disk cannot " +
			"be undone, and a REGIONAL instance cannot even fail over safely. Instances created through the API " +
			"(and so through Terraform) take no automated backups unless the configuration enables them.",
		Remediation: "Add settings.backup_configuration with enabled = true (and point_in_time_recovery_enabled " +
			"for PostgreSQL and SQL Server, binary_log_enabled for MySQL). Read replicas are not judged: the " +
			"primary's backups cover them.",
		Example: `resource "google_sql_database_instance" "main" {
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		v, e, why := sqlSettle(p, r, false, "backup_configuration", 0, "enabled")
		on, _ := boolOf(v)
		switch {
		case why != "":
			return unknown(why, e)
		case on:
			return pass("automated backups are enabled", e)
		case sqlReplica(r):
			return check.Skip
		}
		return fail("automated backups are disabled: data lost to a mistake or corruption cannot be restored", e)
	},
}
