package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSBackupRetentionReduced fails when a plan shortens how far back a
// database or table can be restored.
var AWSBackupRetentionReduced = check.Check{
	Meta: check.Meta{
		ID:         "aws_backup_retention_reduced",
		Title:      "The plan does not cut backup retention",
		Section:    "disaster_recovery",
		Category:   "backup",
		Transition: true,
		Severity:   check.SeverityHigh,
		Cloud:      "aws",
		ResourceTypes: []string{"aws_db_instance", "aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster",
			"aws_dynamodb_table"},
		Description: "A transition check: it compares the value before the plan with the planned one. Cutting " +
			"backup_retention_period from 35 to 7 days still passes aws_rds_backup_retention, yet RDS deletes the " +
			"automated backups and transaction logs older than 7 days, and a corruption found two weeks late can no " +
			"longer be undone. The same holds for a DynamoDB table's point-in-time recovery " +
			"period (recovery_period_in_days, 35 days by default). A cut to 0 turns automated backups off. Resources " +
			"the plan creates or deletes have no transition and are not judged; nor are RDS read replicas, which " +
			"their source's backups cover.",
		Remediation: "Keep the retention the resource had, or make the cut a deliberate decision: take a manual " +
			"snapshot (or an AWS Backup recovery point) that covers the days you give up, and record the waiver.",
		Example: `resource "aws_db_instance" "main" {
  # was 35 before this change: keep it
  backup_retention_period = 35
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return transition(p, r, func(old *model.Resource) check.Finding {
			if r.Type == "aws_dynamodb_table" {
				return verdictOf(pitrPeriodWeakened(p, old, r))
			}
			if r.Type == "aws_db_instance" && (dataReadReplica(r) || dataReadReplica(old)) {
				return check.Skip
			}
			return verdictOf(daysWeakened(p, old, r, dbRetention, "backup_retention_period"))
		})
	},
}

var (
	dbRetention = retention{
		name:    "backup retention",
		exposed: "backups older than the new retention are deleted and can no longer be restored",
		off:     "automated backups and point-in-time restore are off",
		dflt:    1,
	}
	pitrRetention = retention{
		name:    "the point-in-time recovery period",
		exposed: "the table can no longer be restored to the days given up",
		dflt:    35,
	}
)

// pitrPeriodWeakened judges the recovery period of a table whose
// point-in-time recovery stays on; turning it off is aws_pitr_disabled's
// to judge. While recovery is on, a null or zero period is the API's
// default, 35 days.
func pitrPeriodWeakened(p *model.Plan, old, r *model.Resource) verdict {
	was, before := readPITR(old)
	if before != sideKnown {
		return verdict{}
	}
	if !was {
		return verdict{check.StatusPass, "point-in-time recovery was off before this plan: no recovery period to cut",
			evPITR(p, old, r)}
	}
	if now, after := readPITR(r); after != sideKnown || !now {
		return verdict{}
	}
	path := []model.Step{"point_in_time_recovery", 0, "recovery_period_in_days"}
	read := func(x *model.Resource) (float64, side) {
		n, s := readNumber(x, pitrRetention.dflt, path...)
		if s == sideKnown && n == 0 {
			n = pitrRetention.dflt
		}
		return n, s
	}
	return cutWeakened(old, r, pitrRetention, read, path, evTransition(p, old, r, pitrRetention.dflt, path...))
}
