package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

func TestAWSPITRDisabled(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]checktest.Want{
		"aws_transitions": {
			Pass:    []string{"aws_dynamodb_table.audit", "aws_dynamodb_table.carts", "aws_dynamodb_table.events"},
			Fail:    []string{"aws_dynamodb_table.orders"},
			Unknown: []string{"aws_dynamodb_table.sessions"},
		},
		"aws_dynamodb": {Pass: []string{"aws_dynamodb_table.sessions"}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSPITRDisabled, "testdata/"+name+"/plan.json", want)
		})
	}
}

func TestAWSPITRDisabledFindings(t *testing.T) {
	t.Parallel()
	assertTransitions(t, AWSPITRDisabled, map[string]transitionWant{
		"aws_dynamodb_table.orders": {
			status: check.StatusFail, change: engine.ChangeIntroduced,
			message:  "the plan turns point-in-time recovery off: ",
			evidence: []check.Evidence{{Attribute: "point_in_time_recovery[0].enabled", Value: "true → false"}},
		},
		// Replaced without the block: the new table's recovery is known
		// after apply.
		"aws_dynamodb_table.sessions": {
			status: check.StatusUnknown, change: engine.ChangeUnchanged,
			message:  "point-in-time recovery was on before this plan, and its planned value is known only after apply",
			evidence: []check.Evidence{{Attribute: "point_in_time_recovery[0].enabled", Value: "true → (known after apply)"}},
		},
		"aws_dynamodb_table.carts": {
			status: check.StatusPass, change: engine.ChangeUnchanged,
			message:  "the plan turns point-in-time recovery on",
			evidence: []check.Evidence{{Attribute: "point_in_time_recovery[0].enabled", Value: "false → true"}},
		},
		"aws_dynamodb_table.events": {
			status: check.StatusPass, change: engine.ChangeUnchanged,
			message:  "point-in-time recovery stays on",
			evidence: []check.Evidence{{Attribute: "point_in_time_recovery[0].enabled", Value: "true → true"}},
		},
		"aws_dynamodb_table.audit": {
			status: check.StatusPass, change: engine.ChangeUnchanged,
			message: "point-in-time recovery stays on",
		},
	})
}
