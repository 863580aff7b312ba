package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/aws/backup"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// backupMinRetentionDays is the shortest retention that leaves time to
// notice a silent corruption or deletion and restore from before it.
const backupMinRetentionDays = 7

// AWSBackupPlanRetention requires an AWS Backup plan to keep its recovery
// points for a week at least.
var AWSBackupPlanRetention = check.Check{
	Meta: check.Meta{
		ID:            "aws_backup_plan_retention",
		Title:         "AWS Backup plan keeps recovery points for 7 days or more",
		Section:       "disaster_recovery",
		Category:      "backup",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_backup_plan"},
		Description: "Corruption, a bad migration or a deletion is often noticed days later; by then a plan " +
			"that deletes its recovery points after a day or two has already replaced every good copy. The " +
			"check asks that at least one rule keep its recovery points 7 days or more (lifecycle delete_after; " +
			"a rule without one keeps them until deleted by hand).",
		Remediation: "Set lifecycle { delete_after = 35 } (or longer, as the data's owners require) on the " +
			"plan's daily rule, or add a weekly rule with a longer retention.",
		Example: `resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 5 ? * * *)"
    lifecycle {
      delete_after = 35
    }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		plan := backup.PlanOf(r)
		if plan.RulesUnknown {
			return unknown("the plan's rules are known only after apply", ev(p, r, "rule"))
		}
		best, undecided := -1.0, false // -1: none; 1e9: kept until deleted
		var e []check.Evidence
		for _, rule := range plan.Rules {
			n, forever, ok := rule.KeptDays()
			switch {
			case !ok:
				undecided = true
				e = append(e, ev(p, r, rule.Path("lifecycle")...))
				continue
			case forever:
				n = 1e9
				e = append(e, evText(rule.Path("lifecycle", 0, "delete_after").String(), "(unset: kept until deleted)"))
			default:
				e = append(e, ev(p, r, rule.Path("lifecycle", 0, "delete_after")...))
			}
			best = max(best, n)
		}
		switch {
		case best >= backupMinRetentionDays:
			return pass("the plan keeps its recovery points for a week or more", e...)
		case undecided:
			return unknown("the retention of some rules is known only after apply", e...)
		case best < 0:
			return fail("the plan has no rule: it keeps nothing", ev(p, r, "rule"))
		}
		return fail(fmt.Sprintf("the plan deletes every recovery point within %g day(s): a problem noticed later cannot be undone", best), e...)
	},
}
