package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

func TestAWSDeletionProtectionDisabled(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]checktest.Want{
		"aws_transitions": {
			Pass: []string{"aws_alb.legacy", "aws_db_instance.analytics", "aws_db_instance.ledger", "aws_db_instance.orders",
				"aws_db_instance.orders_replica", "aws_db_instance.reports", "aws_db_instance.vault", "aws_dynamodb_table.audit",
				"aws_dynamodb_table.carts", "aws_dynamodb_table.orders", "aws_dynamodb_table.sessions", "aws_neptune_cluster.graph",
				"aws_rds_cluster.audit"},
			Fail: []string{"aws_db_instance.billing", "aws_docdb_cluster.catalog", "aws_dynamodb_table.events", "aws_lb.public",
				"aws_rds_cluster.main"},
			Unknown: []string{"aws_lb.internal"},
		},
		// Plans that only create (and delete) have no transition.
		"aws_rds": {},
		"aws_lb":  {},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSDeletionProtectionDisabled, "testdata/"+name+"/plan.json", want)
		})
	}
}

func TestAWSDeletionProtectionDisabledFindings(t *testing.T) {
	t.Parallel()
	assertTransitions(t, AWSDeletionProtectionDisabled, map[string]transitionWant{
		"aws_db_instance.billing": {
			status: check.StatusFail, change: engine.ChangeIntroduced,
			message:  "the plan turns deletion protection off: the API no longer refuses to delete the database",
			evidence: []check.Evidence{{Attribute: "deletion_protection", Value: "true → false"}},
		},
		// Removed from the configuration: null, which the API reads as false.
		"aws_rds_cluster.main": {
			status: check.StatusFail, change: engine.ChangeIntroduced,
			message:  "the plan turns deletion protection off",
			evidence: []check.Evidence{{Attribute: "deletion_protection", Value: "true → null (unset: defaults to false)"}},
		},
		"aws_dynamodb_table.events": {
			status: check.StatusFail, change: engine.ChangeIntroduced,
			message:  "the plan turns deletion protection off: the API no longer refuses to delete the table",
			evidence: []check.Evidence{{Attribute: "deletion_protection_enabled", Value: "true → false"}},
		},
		"aws_lb.public": {
			status: check.StatusFail, change: engine.ChangeIntroduced,
			message:  "the plan turns deletion protection off: the API no longer refuses to delete the load balancer",
			evidence: []check.Evidence{{Attribute: "enable_deletion_protection", Value: "true → false"}},
		},
		// From a terraform_data output the plan changes.
		"aws_lb.internal": {
			status: check.StatusUnknown, change: engine.ChangeUnchanged,
			message:  "deletion protection was on before this plan, and its planned value is known only after apply",
			evidence: []check.Evidence{{Attribute: "enable_deletion_protection", Value: "true → (known after apply)"}},
		},
		"aws_db_instance.reports": {
			status: check.StatusPass, change: engine.ChangeUnchanged,
			message:  "the plan turns deletion protection on",
			evidence: []check.Evidence{{Attribute: "deletion_protection", Value: "false → true"}},
		},
		"aws_db_instance.analytics": {
			status: check.StatusPass, change: engine.ChangeUnchanged,
			message:  "deletion protection was off before this plan: nothing to weaken",
			evidence: []check.Evidence{{Attribute: "deletion_protection", Value: "false → false"}},
		},
		"aws_alb.legacy": {
			status: check.StatusPass, change: engine.ChangeUnchanged,
			message: "deletion protection stays on",
		},
	})
}
