package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// GoogleSQLPointInTimeRecovery requires the transaction logs that let a
// Cloud SQL instance be restored to any moment, not just the last backup.
var GoogleSQLPointInTimeRecovery = check.Check{
	Meta: check.Meta{
		ID:            "google_sql_point_in_time_recovery",
		Title:         "Cloud SQL instance can be restored to a point in time",
		Section:       "disaster_recovery",
		Category:      "backup",
		Severity:      check.SeverityMedium,
		Cloud:         "google",
		ResourceTypes: []string{"google_sql_database_instance"},
		Description: "Daily backups alone lose up to a day of writes. Point-in-time recovery keeps the " +
			"transaction logs (binary logs for MySQL, write-ahead logs for PostgreSQL and SQL Server) so the " +
			"instance can be restored to the minute before a mistake.",
		Remediation: "In settings.backup_configuration set point_in_time_recovery_enabled = true for PostgreSQL " +
			"and SQL Server, or binary_log_enabled = true for MySQL. Read replicas are not judged.",
		Example: `resource "google_sql_database_instance" "main" {
  database_version = "MYSQL_8_0"
  settings {
    tier = "db-custom-2-7680"
    backup_configuration {
      enabled            = true
      binary_log_enabled = true
    }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		version, ok := r.Attr("database_version").Str()
		if !ok {
			return unknown("database_version is not known, so neither is the log that gives point-in-time recovery",
				ev(p, r, "database_version"))
		}
		field := "point_in_time_recovery_enabled"
		if strings.HasPrefix(version, "MYSQL") {
			field = "binary_log_enabled"
		}
		v, e, why := sqlSettle(p, r, false, "backup_configuration", 0, field)
		on, _ := boolOf(v)
		switch {
		case why != "":
			return unknown(why, e, ev(p, r, "database_version"))
		case on:
			return pass("transaction logs are kept for point-in-time recovery", e, ev(p, r, "database_version"))
		case sqlReplica(r):
			return check.Skip
		}
		return fail("the instance can only be restored to its last backup: the writes since then are lost",
			e, ev(p, r, "database_version"))
	},
}
