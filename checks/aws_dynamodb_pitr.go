package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSDynamoDBPITR requires point-in-time recovery on DynamoDB tables.
var AWSDynamoDBPITR = check.Check{
	Meta: check.Meta{
		ID:            "aws_dynamodb_pitr",
		Title:         "DynamoDB table has point-in-time recovery",
		Section:       "disaster_recovery",
		Category:      "backup",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_dynamodb_table"},
		Description: "Point-in-time recovery keeps continuous backups of a table for up to 35 days, so a bad " +
			"deploy, a runaway script or an accidental delete can be undone to the second. Without it a table " +
			"has only the on-demand backups someone remembered to take. It is off by default.",
		Remediation: "Add a point_in_time_recovery block with enabled = true.",
		Example: `resource "aws_dynamodb_table" "main" {
  point_in_time_recovery {
    enabled = true
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		a := r.Attr("point_in_time_recovery")
		if !a.Unknown && a.Value != nil && len(a.List()) == 0 {
			return fail("point-in-time recovery is off (no point_in_time_recovery block; the default is disabled)",
				ev(p, r, "point_in_time_recovery"))
		}
		return flag(p, r, true, false,
			"continuous backups allow a restore to any second of the last days",
			"point-in-time recovery is off: only manual backups can restore the table",
			"point_in_time_recovery", 0, "enabled")
	},
}
