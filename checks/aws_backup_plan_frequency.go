package checks

import (
	"fmt"
	"time"

	"github.com/prodready/terraform-provider-readiness/internal/aws/backup"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/period"
)

// backupMaxInterval is the default recovery point objective a backup plan
// must keep when the team declared none: a day.
const backupMaxInterval = 24 * time.Hour

// AWSBackupPlanFrequency requires an AWS Backup plan to run at least daily.
var AWSBackupPlanFrequency = check.Check{
	Meta: check.Meta{
		ID:            "aws_backup_plan_frequency",
		Title:         "AWS Backup plan runs at least daily",
		Section:       "disaster_recovery",
		Category:      "recovery_objectives",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_backup_plan"},
		Description: "The schedule of a backup plan is its recovery point objective: a weekly plan can lose a " +
			"week of data. Without a declared objective the check holds plans to a sensible default, a " +
			"recovery point at least every 24 hours from some rule: its cron schedule (unset, AWS Backup runs " +
			"daily at 05:00 UTC) or continuous backup. Teams that declare an RPO in .readiness.hcl get the " +
			"stricter recovery_objectives_backup_plan check as well.",
		Remediation: "Give a rule a daily or more frequent schedule, e.g. cron(0 5 ? * * *), or set " +
			"enable_continuous_backup = true for RDS, Aurora and S3.",
		Example: `resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 5 ? * * *)"
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		plan := backup.PlanOf(r)
		if plan.RulesUnknown {
			return unknown("the plan's rules are known only after apply", ev(p, r, "rule"))
		}
		var best time.Duration
		undecided := false
		var e []check.Evidence
		for _, rule := range plan.Rules {
			if rule.Continuous {
				return pass("a rule takes continuous backups (point-in-time recovery)", ev(p, r, rule.Path("enable_continuous_backup")...))
			}
			ei := ev(p, r, rule.Path("schedule")...)
			if rule.ScheduleUnset {
				ei.Value += " (unset: defaults to " + rule.Schedule + ")"
			}
			d, err := rule.Interval()
			if err != nil {
				undecided = true
				if !rule.ScheduleUnknown {
					ei.Value += " (" + err.Error() + ")"
				}
				e = append(e, ei)
				continue
			}
			e = append(e, ei)
			if best == 0 || d < best {
				best = d
			}
		}
		switch {
		case best > 0 && best <= backupMaxInterval:
			return pass(fmt.Sprintf("the plan takes a recovery point at least every %s", period.FormatDuration(best)), e...)
		case undecided:
			return unknown("the schedule of some rules is known only after apply or could not be read", e...)
		case best == 0:
			return fail("the plan has no rule: it takes no backup", ev(p, r, "rule"))
		case best == period.Forever:
			return fail("no rule runs on a lasting schedule: each stops after the years its schedule names, or never fires", e...)
		}
		return fail(fmt.Sprintf("the most frequent rule runs every %s: a failure can lose more than a day of data",
			period.FormatDuration(best)), e...)
	},
}
