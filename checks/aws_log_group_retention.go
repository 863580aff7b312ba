package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// minLogRetentionDays is the shortest log history that still covers a
// monthly cycle and an incident found a few weeks late.
const minLogRetentionDays = 30

// AWSLogGroupRetention requires CloudWatch log groups to keep their history
// long enough to investigate.
var AWSLogGroupRetention = check.Check{
	Meta: check.Meta{
		ID:            "aws_log_group_retention",
		Title:         "CloudWatch log group keeps at least 30 days of history",
		Section:       "alerts_metrics",
		Category:      "logging",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_cloudwatch_log_group"},
		Description: "Logs are the history of what a service did. A log group that expires its events after a " +
			"few days has lost them by the time a slow incident, a monthly job or a security question sends " +
			"someone looking. retention_in_days unset (or 0) means the events never expire: the history is " +
			"kept, at a storage cost that grows without bound, so it passes here.",
		Remediation: "Set retention_in_days to 30 or more (90 or 365 where audits ask for it); export to S3 " +
			"for cheaper long-term storage.",
		Example: `resource "aws_cloudwatch_log_group" "api" {
  name              = "/ecs/api"
  retention_in_days = 90
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		a := r.Attr("retention_in_days")
		e := ev(p, r, "retention_in_days")
		switch {
		case a.Unknown:
			return unknown("retention_in_days is known only after apply", e)
		case !a.Present:
			return unknown("the plan does not hold retention_in_days", e)
		}
		days, ok := a.Number()
		if !ok || days == 0 {
			e.Value += " (unset: events never expire)"
			return pass("the log group keeps its events forever", e)
		}
		if days < minLogRetentionDays {
			return fail(fmt.Sprintf("the log group keeps only %g day(s) of events; at least %d are needed to look back on an incident",
				days, minLogRetentionDays), e)
		}
		return pass(fmt.Sprintf("the log group keeps %g days of events", days), e)
	},
}
