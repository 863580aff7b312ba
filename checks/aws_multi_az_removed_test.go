package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

func TestAWSMultiAZRemoved(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]checktest.Want{
		"aws_transitions": {
			Pass: []string{"aws_db_instance.ledger", "aws_db_instance.orders", "aws_db_instance.orders_replica",
				"aws_db_instance.reports", "aws_db_instance.vault", "aws_elasticache_replication_group.queue"},
			Fail: []string{"aws_db_instance.billing", "aws_elasticache_replication_group.cache",
				"aws_elasticache_replication_group.sessions"},
			Unknown: []string{"aws_db_instance.analytics"},
		},
		// Plans that only create (and delete) have no transition.
		"aws_rds":         {},
		"aws_elasticache": {},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSMultiAZRemoved, "testdata/"+name+"/plan.json", want)
		})
	}
}

func TestAWSMultiAZRemovedFindings(t *testing.T) {
	t.Parallel()
	assertTransitions(t, AWSMultiAZRemoved, map[string]transitionWant{
		"aws_db_instance.billing": {
			status: check.StatusFail, change: engine.ChangeIntroduced,
			message:  "the plan turns Multi-AZ off: the standby in a second Availability Zone is deleted",
			evidence: []check.Evidence{{Attribute: "multi_az", Value: "true → false"}},
		},
		"aws_elasticache_replication_group.sessions": {
			status: check.StatusFail, change: engine.ChangeIntroduced,
			message: "the plan turns Multi-AZ off: replicas may share the primary's Availability Zone",
			evidence: []check.Evidence{
				{Attribute: "automatic_failover_enabled", Value: "true → true"},
				{Attribute: "multi_az_enabled", Value: "true → false"},
			},
		},
		"aws_elasticache_replication_group.cache": {
			status: check.StatusFail, change: engine.ChangeIntroduced,
			message: "the plan turns automatic failover off: losing the primary needs a manual promotion; the plan turns Multi-AZ off",
			evidence: []check.Evidence{
				{Attribute: "automatic_failover_enabled", Value: "true → false"},
				{Attribute: "multi_az_enabled", Value: "true → false"},
			},
		},
		// A replacement that leaves multi_az to the provider.
		"aws_db_instance.analytics": {
			status: check.StatusUnknown, change: engine.ChangeUnchanged,
			message:  "Multi-AZ was on before this plan, and its planned value is known only after apply",
			evidence: []check.Evidence{{Attribute: "multi_az", Value: "true → (known after apply)"}},
		},
		"aws_db_instance.reports": {
			status: check.StatusPass, change: engine.ChangeUnchanged,
			message:  "the plan turns Multi-AZ on",
			evidence: []check.Evidence{{Attribute: "multi_az", Value: "false → true"}},
		},
		"aws_db_instance.orders": {
			status: check.StatusPass, change: engine.ChangeUnchanged,
			message:  "Multi-AZ stays on",
			evidence: []check.Evidence{{Attribute: "multi_az", Value: "true → true"}},
		},
		"aws_elasticache_replication_group.queue": {
			status: check.StatusPass, change: engine.ChangeUnchanged,
			message: "automatic failover stays on; Multi-AZ stays on",
		},
	})
}
