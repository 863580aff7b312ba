package policy_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/input"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// objectiveChecks are the catalogue's recovery objective checks, which
// read the policy's objectives through its settings.
var objectiveChecks = []check.Check{
	checks.RecoveryObjectivesDeclared, checks.RecoveryObjectivesRPO,
	checks.RecoveryObjectivesRTO, checks.RecoveryObjectivesBackupPlan,
}

// objectivesFixture is the recovery objective checks' fixture.
const objectivesFixture = "../../checks/testdata/recovery_objectives/plan.json"

func loadFixture(t *testing.T) *model.Plan {
	t.Helper()
	p, err := input.Read(objectivesFixture)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestObjectives(t *testing.T) {
	t.Parallel()
	pol := parse(t, `
objective "critical" {
  tags = { tier = "critical" }
  rpo  = "1h"
  rto  = "4h"
}
objective "fast failover" {
  resources = ["aws_rds_cluster.*"]
  rto       = "30m"
}
`)
	rep := run(t, []*model.Plan{loadFixture(t)}, objectiveChecks, "production", pol)
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v", rep.Errors)
	}
	want := []row{
		{"recovery_objectives_backup_plan", "aws_backup_plan.daily", "fail", "medium"},
		{"recovery_objectives_backup_plan", "aws_backup_plan.hourly", "pass", "medium"},
		{"recovery_objectives_backup_plan", "aws_backup_plan.later", "unknown", "medium"},
		{"recovery_objectives_declared", "aws_db_instance.later", "pass", "medium"},
		{"recovery_objectives_declared", "aws_db_instance.nopitr", "pass", "medium"},
		{"recovery_objectives_declared", "aws_db_instance.pitr", "pass", "medium"},
		{"recovery_objectives_declared", "aws_db_instance.replica", "fail", "medium"},
		{"recovery_objectives_declared", "aws_db_instance.replicated", "pass", "medium"},
		{"recovery_objectives_declared", "aws_dynamodb_table.nopitr", "pass", "medium"},
		{"recovery_objectives_declared", "aws_dynamodb_table.pitr", "pass", "medium"},
		{"recovery_objectives_declared", "aws_dynamodb_table.scheduled", "pass", "medium"},
		{"recovery_objectives_declared", "aws_efs_file_system.daily", "pass", "medium"},
		{"recovery_objectives_declared", "aws_efs_file_system.hourly", "pass", "medium"},
		{"recovery_objectives_declared", "aws_rds_cluster.aurora", "fail", "medium"},
		{"recovery_objectives_rpo", "aws_db_instance.later", "unknown", "high"},
		{"recovery_objectives_rpo", "aws_db_instance.nopitr", "fail", "high"},
		{"recovery_objectives_rpo", "aws_db_instance.pitr", "pass", "high"},
		{"recovery_objectives_rpo", "aws_db_instance.replicated", "pass", "high"},
		{"recovery_objectives_rpo", "aws_dynamodb_table.nopitr", "fail", "high"},
		{"recovery_objectives_rpo", "aws_dynamodb_table.pitr", "pass", "high"},
		{"recovery_objectives_rpo", "aws_dynamodb_table.scheduled", "unknown", "high"},
		{"recovery_objectives_rpo", "aws_efs_file_system.daily", "fail", "high"},
		{"recovery_objectives_rpo", "aws_efs_file_system.hourly", "pass", "high"},
		{"recovery_objectives_rto", "aws_db_instance.later", "unknown", "high"},
		{"recovery_objectives_rto", "aws_db_instance.nopitr", "unknown", "high"},
		{"recovery_objectives_rto", "aws_db_instance.pitr", "pass", "high"},
		{"recovery_objectives_rto", "aws_db_instance.replicated", "pass", "high"},
		{"recovery_objectives_rto", "aws_rds_cluster.aurora", "fail", "high"},
	}
	if diff := cmp.Diff(want, rows(rep)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for _, tt := range []struct{ id, addr, msg string }{
		{"recovery_objectives_rpo", "aws_db_instance.nopitr", "no backup, point-in-time recovery or replication in the plan: the RPO of 1h cannot be met"},
		{"recovery_objectives_rpo", "aws_db_instance.pitr", "point-in-time recovery (a recovery point every 5m) meets the RPO of 1h"},
		{"recovery_objectives_rpo", "aws_efs_file_system.daily", `the most frequent recovery point is AWS Backup plan aws_backup_plan.daily rule "daily", every 1d: a failure just before it loses more than the RPO of 1h`},
		{"recovery_objectives_backup_plan", "aws_backup_plan.daily", "the most frequent rule runs every 1d: it cannot keep the RPO of 1h of aws_efs_file_system.daily"},
		{"recovery_objectives_rto", "aws_rds_cluster.aurora", "no standby: recovery means restoring a backup, which rarely completes within the RTO of 30m"},
		{"recovery_objectives_declared", "aws_rds_cluster.aurora", "no RPO declared for this data store: add an objective block that selects it, or readiness:rpo and readiness:rto tags"},
	} {
		if got := message(rep, tt.id, tt.addr); got != tt.msg {
			t.Errorf("%s %s: message %q, want %q", tt.id, tt.addr, got, tt.msg)
		}
	}
	for _, r := range rep.Results {
		if len(r.Evidence) == 0 {
			t.Errorf("%s %s has no evidence", r.CheckID, r.Address)
		}
		if r.Section != "disaster_recovery" || r.Category != "recovery_objectives" || !strings.HasSuffix(r.Docs, "docs/checks/"+r.CheckID+".md") {
			t.Errorf("%s: section %q, category %q, docs %q", r.CheckID, r.Section, r.Category, r.Docs)
		}
	}
}

// TestObjectiveTags: a resource's own tags declare its objectives, without
// a configuration file (so no declared check), and win over blocks.
func TestObjectiveTags(t *testing.T) {
	t.Parallel()
	plan := decode(t, "plan.json", `{"format_version":"1.2","terraform_version":"1.8.5","resource_changes":[
 {"address":"aws_dynamodb_table.t","mode":"managed","type":"aws_dynamodb_table","name":"t",
  "change":{"actions":["create"],"after":{"point_in_time_recovery":[{"enabled":false}],"tags":{"readiness:rpo":"1d","readiness:rto":"1d"}},"after_unknown":{}}},
 {"address":"aws_dynamodb_table.u","mode":"managed","type":"aws_dynamodb_table","name":"u",
  "change":{"actions":["create"],"after":{"point_in_time_recovery":[],"tags":{"readiness:rpo":"soon"}},"after_unknown":{"point_in_time_recovery":true}}}
]}`)
	pol := parse(t, `objective "all" { rpo = "5m" }`)
	pol.Source = ""
	rep := run(t, []*model.Plan{plan}, objectiveChecks, "production", pol)
	want := []row{
		{"recovery_objectives_rpo", "aws_dynamodb_table.t", "fail", "high"},
		{"recovery_objectives_rpo", "aws_dynamodb_table.u", "unknown", "high"},
	}
	if diff := cmp.Diff(want, rows(rep)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got := rep.Results[0].Evidence[0]; got != (check.Evidence{Attribute: "rpo", Value: "1d (tag readiness:rpo)"}) {
		t.Errorf("evidence = %+v", got)
	}
	if len(rep.Errors) != 1 || !strings.Contains(rep.Errors[0], `aws_dynamodb_table.u: tag readiness:rpo: invalid duration "soon"`) {
		t.Errorf("errors = %q", rep.Errors)
	}
}

// TestObjectiveRateOverflow: a rate too long for a 64-bit duration once
// wrapped into a negative interval ("a recovery point every -2424095h"),
// which met a 1-hour RPO.
func TestObjectiveRateOverflow(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(objectivesFixture)
	if err != nil {
		t.Fatal(err)
	}
	hourly := `"schedule": "cron(0 * ? * * *)"`
	if !bytes.Contains(data, []byte(hourly)) {
		t.Fatal("the fixture's hourly rule is gone: the test would prove nothing")
	}
	data = bytes.Replace(data, []byte(hourly), []byte(`"schedule": "rate(2700000 hours)"`), 1)
	p, err := input.Parse("plan.json", data)
	if err != nil {
		t.Fatal(err)
	}
	pol := parse(t, `
objective "critical" {
  tags = { tier = "critical" }
  rpo  = "1h"
}
`)
	rep := run(t, []*model.Plan{p}, objectiveChecks, "production", pol)
	got := rows(rep, "recovery_objectives_rpo", "recovery_objectives_backup_plan")
	hourlies := 0
	for _, r := range got {
		if strings.Contains(r.Address, "hourly") {
			hourlies++
			if r.Status == "pass" {
				t.Errorf("%s %s passes on a rule that runs every 308 years", r.ID, r.Address)
			}
		}
	}
	if hourlies < 2 {
		t.Errorf("results %v: the hourly plan and file system are not judged", got)
	}
	if msg := message(rep, "recovery_objectives_backup_plan", "aws_backup_plan.hourly"); !strings.Contains(msg, "over 292 years") {
		t.Errorf("message %q does not say how rarely the rule runs", msg)
	}
}
