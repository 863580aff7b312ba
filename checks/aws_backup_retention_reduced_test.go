package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

func TestAWSBackupRetentionReduced(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]checktest.Want{
		"aws_transitions": {
			Pass: []string{"aws_db_instance.ledger", "aws_db_instance.reports", "aws_docdb_cluster.catalog",
				"aws_dynamodb_table.audit", "aws_dynamodb_table.carts", "aws_neptune_cluster.graph", "aws_rds_cluster.audit"},
			Fail: []string{"aws_db_instance.billing", "aws_db_instance.orders", "aws_db_instance.vault",
				"aws_dynamodb_table.events", "aws_rds_cluster.main"},
			Unknown: []string{"aws_db_instance.analytics"},
		},
		// Plans that only create (and delete) have no transition.
		"aws_rds":           {},
		"aws_docdb_neptune": {},
		"aws_dynamodb":      {Pass: []string{"aws_dynamodb_table.sessions"}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSBackupRetentionReduced, "testdata/"+name+"/plan.json", want)
		})
	}
}

func TestAWSBackupRetentionReducedFindings(t *testing.T) {
	t.Parallel()
	assertTransitions(t, AWSBackupRetentionReduced, map[string]transitionWant{
		"aws_db_instance.orders": {
			status: check.StatusFail, change: engine.ChangeIntroduced,
			message:  "the plan cuts backup retention from 35 to 7 days: ",
			evidence: []check.Evidence{{Attribute: "backup_retention_period", Value: "35 → 7"}},
		},
		"aws_db_instance.billing": {
			status: check.StatusFail, change: engine.ChangeIntroduced,
			message:  "the plan cuts backup retention from 14 days to 0: automated backups and point-in-time restore are off",
			evidence: []check.Evidence{{Attribute: "backup_retention_period", Value: "14 → 0"}},
		},
		// Set from a sensitive variable: no number in message or evidence.
		"aws_db_instance.vault": {
			status: check.StatusFail, change: engine.ChangeIntroduced,
			message:  "the plan cuts backup retention: backups older than the new retention are deleted",
			evidence: []check.Evidence{{Attribute: "backup_retention_period", Value: "(sensitive)"}},
		},
		"aws_rds_cluster.main": {
			status: check.StatusFail, change: engine.ChangeIntroduced,
			message:  "the plan cuts backup retention from 35 to 7 days",
			evidence: []check.Evidence{{Attribute: "backup_retention_period", Value: "35 → 7"}},
		},
		"aws_dynamodb_table.events": {
			status: check.StatusFail, change: engine.ChangeIntroduced,
			message:  "the plan cuts the point-in-time recovery period from 35 to 7 days",
			evidence: []check.Evidence{{Attribute: "point_in_time_recovery[0].recovery_period_in_days", Value: "35 → 7"}},
		},
		// A replacement whose retention the provider decides during apply.
		"aws_db_instance.analytics": {
			status: check.StatusUnknown, change: engine.ChangeUnchanged,
			message:  "backup retention was 30 days before this plan, and its planned value is known only after apply",
			evidence: []check.Evidence{{Attribute: "backup_retention_period", Value: "30 → (known after apply)"}},
		},
		"aws_db_instance.reports": {
			status: check.StatusPass, change: engine.ChangeUnchanged,
			message:  "the plan lengthens backup retention from 1 day to 14 days",
			evidence: []check.Evidence{{Attribute: "backup_retention_period", Value: "1 → 14"}},
		},
		"aws_neptune_cluster.graph": {
			status: check.StatusPass, change: engine.ChangeUnchanged,
			message:  "backup retention stays at 14 days",
			evidence: []check.Evidence{{Attribute: "backup_retention_period", Value: "14 → 14"}},
		},
		// A no-op: nothing changes, and the pass carries no evidence.
		"aws_db_instance.ledger": {
			status: check.StatusPass, change: engine.ChangeUnchanged,
			message: "backup retention stays at 35 days",
		},
		"aws_dynamodb_table.carts": {
			status: check.StatusPass, change: engine.ChangeUnchanged,
			message:  "point-in-time recovery was off before this plan",
			evidence: []check.Evidence{{Attribute: "point_in_time_recovery[0].enabled", Value: "false → true"}},
		},
	})
}
