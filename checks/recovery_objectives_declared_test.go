package checks

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
	"github.com/prodready/terraform-provider-readiness/internal/config"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/policy"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// objectivesFixture is the recovery objective checks' fixture; the
// .readiness.hcl beside it declares a 1h RPO and 4h RTO for what is tagged
// tier = "critical" and a 30m RTO for the Aurora cluster.
const objectivesFixture = "testdata/recovery_objectives/plan.json"

// objectivePolicy parses a configuration as .readiness.hcl; "-" stands for
// the fixture's own, "" for no configuration at all.
func objectivePolicy(t *testing.T, src string) *policy.Policy {
	t.Helper()
	switch src {
	case "":
		return nil
	case "-":
		return fixturePolicy(t, objectivesFixture)
	}
	c, diags := config.Parse([]byte(src), config.FileName)
	if diags.HasErrors() {
		t.Fatalf("parse: %v", diags)
	}
	return c.Policy
}

// judgeObjectives runs one recovery objective check over a plan with a
// configuration; the report's errors are the test's to read.
func judgeObjectives(t *testing.T, c check.Check, p *model.Plan, pol *policy.Policy) *engine.Report {
	t.Helper()
	prof, _ := profile.Lookup(profile.Default)
	return engine.Run([]*model.Plan{p}, []check.Check{c}, engine.Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh), Policy: pol})
}

// objectiveCase is one configuration a recovery objective check is judged
// with over the objectives fixture: the results it gives, and the message of
// some of them.
type objectiveCase struct {
	conf string
	want checktest.Want
	msgs map[string]string
}

// runObjectiveCases judges the fixture with check c under each case's
// configuration.
func runObjectiveCases(t *testing.T, c check.Check, tests map[string]objectiveCase) {
	t.Helper()
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rep := assertObjectives(t, c, tc.conf, tc.want)
			for addr, want := range tc.msgs {
				if got := messageOf(rep, addr); got != want {
					t.Errorf("%s: message %q, want %q", addr, got, want)
				}
			}
		})
	}
}

// assertObjectives compares a recovery objective check's address sets on
// the fixture under a configuration.
func assertObjectives(t *testing.T, c check.Check, conf string, want checktest.Want) *engine.Report {
	t.Helper()
	rep := runWithPolicy(t, c, objectivesFixture, objectivePolicy(t, conf))
	if diff := cmp.Diff(want, checktest.Sets(rep), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("%s: addresses by status (-want +got):\n%s", c.ID, diff)
	}
	for _, r := range rep.Results {
		if r.Message == "" || len(r.Evidence) == 0 {
			t.Errorf("%s %s: message %q, evidence %v", r.CheckID, r.Address, r.Message, r.Evidence)
		}
	}
	return rep
}

func TestRecoveryObjectivesDeclared(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		conf string
		want checktest.Want
	}{
		// Without a configuration, or one that declares no objective (the
		// starter readiness init writes), nothing changes.
		"no configuration":   {conf: ""},
		"no objective block": {conf: `owner_tags = ["team"]`},
		"the fixture's objectives": {
			conf: "-",
			want: checktest.Want{
				Pass: []string{"aws_db_instance.later", "aws_db_instance.nopitr", "aws_db_instance.pitr", "aws_db_instance.replicated",
					"aws_dynamodb_table.nopitr", "aws_dynamodb_table.pitr", "aws_dynamodb_table.scheduled",
					"aws_efs_file_system.daily", "aws_efs_file_system.hourly"},
				// The replica is not tagged critical; the cluster has an RTO
				// but no RPO.
				Fail: []string{"aws_db_instance.replica", "aws_rds_cluster.aurora"},
			},
		},
		"an objective for every resource": {
			conf: `objective "all" {
  rpo = "1d"
  rto = "1d"
}`,
			want: checktest.Want{
				Pass: []string{"aws_db_instance.later", "aws_db_instance.nopitr", "aws_db_instance.pitr", "aws_db_instance.replica",
					"aws_db_instance.replicated", "aws_dynamodb_table.nopitr", "aws_dynamodb_table.pitr", "aws_dynamodb_table.scheduled",
					"aws_efs_file_system.daily", "aws_efs_file_system.hourly", "aws_rds_cluster.aurora"},
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			assertObjectives(t, RecoveryObjectivesDeclared, tc.conf, tc.want)
		})
	}
}

// TestRecoveryObjectivesDeclaredMessages: what each finding says, and that
// a malformed objective tag fails the data store with the tag's problem.
func TestRecoveryObjectivesDeclaredMessages(t *testing.T) {
	t.Parallel()
	rep := assertObjectives(t, RecoveryObjectivesDeclared, "-", checktest.Want{
		Pass: []string{"aws_db_instance.later", "aws_db_instance.nopitr", "aws_db_instance.pitr", "aws_db_instance.replicated",
			"aws_dynamodb_table.nopitr", "aws_dynamodb_table.pitr", "aws_dynamodb_table.scheduled",
			"aws_efs_file_system.daily", "aws_efs_file_system.hourly"},
		Fail: []string{"aws_db_instance.replica", "aws_rds_cluster.aurora"},
	})
	got := map[string]string{}
	for _, r := range rep.Results {
		got[r.Address] = r.Message
	}
	for addr, want := range map[string]string{
		"aws_db_instance.pitr":    "RPO 1h and RTO 4h declared",
		"aws_rds_cluster.aurora":  "no RPO declared for this data store: add an objective block that selects it, or readiness:rpo and readiness:rto tags",
		"aws_db_instance.replica": "no RPO or RTO declared for this data store: add an objective block that selects it, or readiness:rpo and readiness:rto tags",
	} {
		if got[addr] != want {
			t.Errorf("%s: message %q, want %q", addr, got[addr], want)
		}
	}

	plan, err := model.Decode("plan.json", []byte(`{"format_version":"1.2","terraform_version":"1.8.5","resource_changes":[
 {"address":"aws_dynamodb_table.t","mode":"managed","type":"aws_dynamodb_table","name":"t",
  "change":{"actions":["create"],"after":{"point_in_time_recovery":[{"enabled":true}],"tags":{"readiness:rpo":"soon","readiness:rto":"1h"}},"after_unknown":{}}}
]}`))
	if err != nil {
		t.Fatal(err)
	}
	rep = judgeObjectives(t, RecoveryObjectivesDeclared, plan, objectivePolicy(t, `objective "other" {
  tags = { tier = "critical" }
  rpo  = "1h"
}`))
	if len(rep.Results) != 1 || rep.Results[0].Status != check.StatusFail || !strings.HasPrefix(rep.Results[0].Message, `tag readiness:rpo: invalid duration "soon"`) {
		t.Errorf("results %+v: want one failure naming the malformed tag", rep.Results)
	}
}

// messageOf is the message of the report's result for addr.
func messageOf(rep *engine.Report, addr string) string {
	for _, r := range rep.Results {
		if r.Address == addr {
			return r.Message
		}
	}
	return "(no result)"
}
