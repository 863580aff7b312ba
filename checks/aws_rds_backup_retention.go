package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSRDSBackupRetention requires automated backups on RDS, Aurora, Neptune
// and DocumentDB.
var AWSRDSBackupRetention = check.Check{
	Meta: check.Meta{
		ID:            "aws_rds_backup_retention",
		Title:         "Database keeps automated backups",
		Section:       "disaster_recovery",
		Category:      "backup",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_db_instance", "aws_rds_cluster", "aws_neptune_cluster", "aws_docdb_cluster"},
		Description: "With backup_retention_period = 0 an RDS instance takes no automated backups and keeps no " +
			"transaction logs: there is no point-in-time restore after a bad migration, a deleted table or " +
			"corruption. Clusters (Aurora, Neptune, DocumentDB) always keep at least one day. Read replicas are " +
			"not judged: their source's backups cover the data.",
		Remediation: "Set backup_retention_period to the number of days you must be able to restore from " +
			"(7 to 35 for production) and pick a preferred backup window.",
		Example: `resource "aws_db_instance" "main" {
  backup_retention_period = 14
  backup_window           = "03:00-04:00"
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if r.Type == "aws_db_instance" && dataReadReplica(r) {
			return check.Skip
		}
		return dataMinNumber(p, r, "backup_retention_period", 1, 1,
			"automated backups are kept, with point-in-time restore",
			"automated backups are off: nothing to restore from after data loss")
	},
}
