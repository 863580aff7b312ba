package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/aws/backup"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSBackupPlanCoverage requires every data store of a plan that uses AWS
// Backup to be selected by one of its backup selections.
var AWSBackupPlanCoverage = check.Check{
	Meta: check.Meta{
		ID:            "aws_backup_plan_coverage",
		Title:         "Data stores are selected by an AWS Backup plan",
		Section:       "disaster_recovery",
		Category:      "backup",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: backupStatefulTypes,
		Description: "A team that backs up with AWS Backup relies on its plans for schedules, retention, vault " +
			"lock and cross-region copies; a database, table, file system or bucket that no selection picks " +
			"falls outside all of it, usually because it was added after the selection was written. A selection " +
			"picks a resource when its resources refer to it or hold a matching ARN pattern (\"*\", " +
			"arn:aws:dynamodb:*:*:table/*) and its conditions hold, or when a selection_tag matches the " +
			"resource's tags; not_resources exclude, and a selection reaches its own region only. The check " +
			"runs only on plans that hold an aws_backup_plan: elsewhere the services' own backup checks judge. " +
			"Read replicas are left out, and EBS volumes are judged by aws_ebs_volume_backup.",
		Remediation: "Add the resource's ARN to an aws_backup_selection's resources, or tag it with the tag a " +
			"selection_tag or condition selects.",
		Example: `resource "aws_backup_selection" "data" {
  name         = "data"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = aws_iam_role.backup.arn
  resources    = [aws_db_instance.orders.arn, aws_dynamodb_table.carts.arn]
}`,
	},
	Plan: func(p *model.Plan) []check.Finding {
		if !p.Has("aws_backup_plan") {
			return nil
		}
		var out []check.Finding
		for _, r := range p.OfType(backupStatefulTypes...) {
			if r.Type == "aws_db_instance" && dataReadReplica(r) {
				continue
			}
			f := backupCoverageFinding(backup.Covers(p, r))
			f.Address = r.Address
			out = append(out, f)
		}
		return out
	},
}

// backupCoverageFinding turns the selections' verdict into a finding.
func backupCoverageFinding(c backup.Coverage) check.Finding {
	switch c.Verdict {
	case backup.Yes:
		return pass("an AWS Backup selection picks the resource", evText(c.By.Address, "%s", c.How))
	case backup.Maybe:
		return unknown("whether an AWS Backup selection picks the resource is known only after apply",
			evText(c.By.Address, "%s", c.How))
	}
	if c.Count == 0 {
		return fail("no AWS Backup selection in the plan picks the resource: the backup plan protects nothing",
			evText("aws_backup_selection", "none in plan"))
	}
	return fail("no AWS Backup selection picks the resource: it is outside the team's backup plans",
		evText("aws_backup_selection", "%s", fmt.Sprintf("%d selection(s) in plan, none matches by reference, ARN pattern or tag", c.Count)))
}
