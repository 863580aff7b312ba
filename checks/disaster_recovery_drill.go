package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// drillScopeTypes are the resources whose recovery a drill rehearses:
// backup plans and the databases and file systems they protect.
var drillScopeTypes = []string{
	"aws_backup_plan", "aws_db_instance", "aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster",
	"aws_dynamodb_table", "aws_efs_file_system", "aws_redshift_cluster",
}

// drillTypes are the resources that run drills on a schedule: AWS Backup
// restore testing, and Fault Injection Service experiments started by an
// EventBridge Scheduler schedule.
var drillTypes = []string{
	"aws_backup_restore_testing_plan", "aws_backup_restore_testing_selection",
	"aws_fis_experiment_template", "aws_scheduler_schedule",
}

// fisStartExperiment is what the ARN of a schedule's target ends with when
// it starts a Fault Injection Service experiment (EventBridge Scheduler's
// universal target arn:aws:scheduler:::aws-sdk:fis:startExperiment).
const fisStartExperiment = ":fis:startexperiment"

// DisasterRecoveryDrill shows that recovery is rehearsed on a schedule: AWS
// Backup restores recovery points and validates them, or a Fault
// Injection Service experiment is started regularly. It is evidence: what
// the drills find, and the game days around them, are for the team to
// attest.
var DisasterRecoveryDrill = check.Check{
	Meta: check.Meta{
		ID:            "disaster_recovery_drill",
		Title:         "Disaster-recovery drills run on a schedule",
		Section:       "disaster_recovery",
		Category:      "recovery_drill",
		Severity:      check.SeverityLow,
		Cloud:         "aws",
		Evidence:      true,
		ResourceTypes: typeSet(drillTypes),
		Description: "A backup nobody has restored, or a failover nobody has triggered, is a hope rather than a " +
			"plan: drills find the missing permission or the stale runbook before an outage does. The check " +
			"looks at plans that keep data (AWS Backup plans, RDS, Aurora, DocumentDB, Neptune, DynamoDB, EFS, " +
			"Redshift) or define drills, and passes when the plan schedules one: an " +
			"aws_backup_restore_testing_plan with a schedule_expression that an " +
			"aws_backup_restore_testing_selection fills, or an aws_fis_experiment_template started by an " +
			"aws_scheduler_schedule whose target is fis:startExperiment. Otherwise it is unknown, once per " +
			"plan: an experiment template run by hand, or drills run outside the plan, are for the team to " +
			"attest. It never fails.",
		Remediation: "Schedule restore tests of the protected resources (aws_backup_restore_testing_plan with an " +
			"aws_backup_restore_testing_selection per resource type), or start an FIS experiment from an " +
			"aws_scheduler_schedule; or attest the drills the team runs.",
		Example: `resource "aws_backup_restore_testing_plan" "weekly" {
  name                = "weekly_restore_test"
  schedule_expression = "cron(0 6 ? * MON *)"

  recovery_point_selection {
    algorithm            = "LATEST_WITHIN_WINDOW"
    include_vaults       = ["*"]
    recovery_point_types = ["SNAPSHOT"]
  }
}

resource "aws_backup_restore_testing_selection" "rds" {
  name                      = "rds"
  restore_testing_plan_name = aws_backup_restore_testing_plan.weekly.name
  protected_resource_type   = "RDS"
  protected_resource_arns   = ["*"]
  iam_role_arn              = aws_iam_role.restore_testing.arn
}`,
	},
	Plan: func(p *model.Plan) []check.Finding {
		scope := p.OfType(drillScopeTypes...)
		drills := p.OfType(drillTypes...)
		if len(scope) == 0 && len(drills) == 0 {
			return nil
		}
		found, notes := restoreTests(p)
		f, n := scheduledExperiments(p)
		found, notes = append(found, f...), append(notes, n...)
		return evidenceVerdict(found, "recovery is rehearsed on a schedule",
			"the plan schedules no restore test or recovery experiment: attest the disaster-recovery drills",
			"data kept", scope, notes...)
	},
}

// restoreTests returns the evidence of scheduled restore tests: a restore
// testing plan with a schedule that a selection fills; notes say what
// falls short.
func restoreTests(p *model.Plan) (found, notes []check.Evidence) {
	selections := p.OfType("aws_backup_restore_testing_selection")
	for _, plan := range p.OfType("aws_backup_restore_testing_plan") {
		schedule := plan.Attr("schedule_expression")
		if s, _ := schedule.Str(); s == "" {
			notes = append(notes, evText(plan.Address+".schedule_expression", "known only after apply"))
			continue
		}
		name := strAt(plan, "name")
		var filled []*model.Resource
		for _, sel := range selections {
			if sel.Attr("restore_testing_plan_name").Unknown || name != "" && strAt(sel, "restore_testing_plan_name") == name {
				filled = append(filled, sel)
			}
		}
		if len(filled) == 0 {
			notes = append(notes, evText(plan.Address, "no aws_backup_restore_testing_selection names it"))
			continue
		}
		found = append(found, evAt(p, plan, "schedule_expression"), evText("selections", "%s", someOf(filled)))
	}
	return found, notes
}

// scheduledExperiments returns the evidence of FIS experiments started on a
// schedule; notes name templates nothing schedules.
func scheduledExperiments(p *model.Plan) (found, notes []check.Evidence) {
	templates := p.OfType("aws_fis_experiment_template")
	if len(templates) == 0 {
		return nil, nil
	}
	for _, s := range p.OfType("aws_scheduler_schedule") {
		arn, _ := s.Attr("target", 0, "arn").Str()
		if strings.HasSuffix(strings.ToLower(arn), fisStartExperiment) {
			found = append(found, evAt(p, s, "schedule_expression"),
				evText("experiment templates", "%s", someOf(templates)))
		}
	}
	if len(found) == 0 {
		notes = append(notes, evText("experiment templates", "%s, started by no aws_scheduler_schedule (run by hand)", someOf(templates)))
	}
	return found, notes
}
