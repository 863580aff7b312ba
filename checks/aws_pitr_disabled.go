package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSPITRDisabled fails when a plan turns a DynamoDB table's point-in-time
// recovery off.
var AWSPITRDisabled = check.Check{
	Meta: check.Meta{
		ID:            "aws_pitr_disabled",
		Title:         "The plan does not turn point-in-time recovery off",
		Section:       "disaster_recovery",
		Category:      "backup",
		Transition:    true,
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_dynamodb_table"},
		Description: "A transition check: it compares the value before the plan with the planned one. Turning " +
			"point-in-time recovery off deletes the table's continuous backups at once: turned back on, it starts " +
			"from nothing, so the days before cannot be restored however soon the mistake is noticed. Tables the " +
			"plan creates or deletes have no transition and are not judged; aws_dynamodb_pitr judges the setting " +
			"itself, and an RDS retention cut to 0 is aws_backup_retention_reduced's.",
		Remediation: "Keep point_in_time_recovery { enabled = true } on the table. If the table really is to lose " +
			"it, take an on-demand backup first and record the waiver.",
		Example: `resource "aws_dynamodb_table" "main" {
  point_in_time_recovery {
    enabled = true # as before this change
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return transition(p, r, func(old *model.Resource) check.Finding {
			return verdictOf(switchWeakened(old, r, protection{
				name:    "point-in-time recovery",
				exposed: "the table's continuous backups are discarded, and no restore will reach back past this change",
			}, readPITR, evPITR(p, old, r)))
		})
	},
}

// readPITR reads whether a table's point-in-time recovery is on: a null or
// empty point_in_time_recovery block is off, as is a null enabled.
func readPITR(r *model.Resource) (bool, side) {
	block := r.Attr("point_in_time_recovery")
	switch {
	case block.Unknown:
		return false, sideUnknown
	case !block.Present:
		return false, sideAbsent
	case block.Value == nil:
		return false, sideKnown
	}
	l, ok := block.Value.([]any)
	if !ok {
		return false, sideInvalid
	}
	if len(l) == 0 {
		return false, sideKnown
	}
	return readFlag(r, false, "point_in_time_recovery", 0, "enabled")
}

// evPITR is the evidence of a table's point-in-time recovery transition:
// the enabled flag when both sides hold the block, the block otherwise.
func evPITR(p *model.Plan, old, r *model.Resource) check.Evidence {
	path := []model.Step{"point_in_time_recovery", 0, "enabled"}
	if old.Attr(path...).Present && (r.Attr(path...).Present || r.Attr(path...).Unknown) {
		return evTransition(p, old, r, false, path...)
	}
	return evTransition(p, old, r, nil, "point_in_time_recovery")
}
