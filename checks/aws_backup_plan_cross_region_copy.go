package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/aws/backup"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSBackupPlanCrossRegionCopy requires an AWS Backup plan to copy its
// recovery points to a vault in another region.
var AWSBackupPlanCrossRegionCopy = check.Check{
	Meta: check.Meta{
		ID:            "aws_backup_plan_cross_region_copy",
		Title:         "AWS Backup plan copies recovery points to another region",
		Section:       "disaster_recovery",
		Category:      "backup",
		CrossRegion:   true,
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_backup_plan"},
		Description: "Recovery points live in a vault of the plan's own region: when that region is impaired, " +
			"so are the backups, exactly when they are needed to restore elsewhere. A copy_action whose " +
			"destination_vault_arn names a vault in another region keeps a restorable copy out of harm's way. " +
			"The destination's region is read from its ARN, or from the vault resource it refers to.",
		Remediation: "Add a copy_action { destination_vault_arn = aws_backup_vault.dr.arn } to a rule, with the " +
			"vault created through a provider for a second region, and a lifecycle for the copies.",
		Example: `resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 5 ? * * *)"
    copy_action {
      destination_vault_arn = aws_backup_vault.dr.arn # provider = aws.us_west_2
      lifecycle {
        delete_after = 35
      }
    }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		plan := backup.PlanOf(r)
		if plan.RulesUnknown {
			return unknown("the plan's rules are known only after apply", ev(p, r, "rule"))
		}
		home, homeKnown := p.Region(r)
		if !homeKnown {
			return unknown("the backup plan's region is not known from the plan", evText("region", "not known"))
		}
		copies, undecided := 0, false
		for _, rule := range plan.Rules {
			if rule.CopiesUnknown {
				undecided = true
				continue
			}
			for _, c := range rule.Copies {
				copies++
				switch {
				case c.RegionKnown && c.Region != home:
					return pass(fmt.Sprintf("recovery points are copied from %s to %s", home, c.Region), ev(p, r, rule.CopyPath(c)...))
				case !c.RegionKnown && c.DestinationUnknown:
					undecided = true
				}
			}
		}
		if copies > 0 || undecided {
			for _, v := range p.Refs(r, "rule") {
				if v.Type != "aws_backup_vault" && v.Type != "aws_backup_logically_air_gapped_vault" {
					continue
				}
				if reg, ok := p.Region(v); ok && reg != home {
					return pass(fmt.Sprintf("recovery points are copied from %s to %s", home, reg), evText("copy_action", "refers to %s (%s)", v.Address, reg))
				}
			}
		}
		e := evText("copy_action", "%d copy action(s); plan in %s", copies, home)
		switch {
		case undecided:
			return unknown("the destination of a copy action is known only after apply", e)
		case copies == 0:
			return fail("no rule copies recovery points to another region: a regional outage takes the backups too", e)
		}
		return fail("every copy action stays in "+home+": a regional outage takes the copies too", e)
	},
}
