package policy_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/input"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// agreementPlan: a selection of every resource but those not_resources
// name, a selection of tagged resources in eu-west-1, and tables the
// recovery objectives once judged backed up hourly when the catalogue's
// aws_backup_plan_coverage said no selection picks them: one excluded by
// not_resources, one in another region.
const agreementPlan = `{"format_version":"1.2","terraform_version":"1.8.5",
"resource_changes":[
 {"address":"aws_backup_plan.hourly","mode":"managed","type":"aws_backup_plan","name":"hourly","provider_name":"registry.terraform.io/hashicorp/aws",
  "change":{"actions":["create"],"after":{"name":"hourly","region":"eu-west-1","rule":[{"rule_name":"hourly","schedule":"cron(0 * ? * * *)","enable_continuous_backup":false,"lifecycle":[{"delete_after":35}],"copy_action":[]}]},"after_unknown":{"id":true}}},
 {"address":"aws_backup_selection.all","mode":"managed","type":"aws_backup_selection","name":"all","provider_name":"registry.terraform.io/hashicorp/aws",
  "change":{"actions":["create"],"after":{"name":"all","region":"eu-west-1","resources":["*"],"not_resources":["arn:aws:dynamodb:*:*:table/audit"],"selection_tag":[],"condition":[]},"after_unknown":{"plan_id":true}}},
 {"address":"aws_backup_selection.tagged","mode":"managed","type":"aws_backup_selection","name":"tagged","provider_name":"registry.terraform.io/hashicorp/aws",
  "change":{"actions":["create"],"after":{"name":"tagged","region":"eu-west-1","resources":[],"not_resources":[],"selection_tag":[{"type":"STRINGEQUALS","key":"Backup","value":"hourly"}],"condition":[]},"after_unknown":{"plan_id":true}}},
 {"address":"aws_dynamodb_table.carts","mode":"managed","type":"aws_dynamodb_table","name":"carts","provider_name":"registry.terraform.io/hashicorp/aws",
  "change":{"actions":["create"],"after":{"name":"carts","region":"eu-west-1","point_in_time_recovery":[{"enabled":false}],"tags":{},"tags_all":{}},"after_unknown":{"arn":true}}},
 {"address":"aws_dynamodb_table.audit","mode":"managed","type":"aws_dynamodb_table","name":"audit","provider_name":"registry.terraform.io/hashicorp/aws",
  "change":{"actions":["create"],"after":{"name":"audit","region":"eu-west-1","point_in_time_recovery":[{"enabled":false}],"tags":{},"tags_all":{}},"after_unknown":{"arn":true}}},
 {"address":"aws_dynamodb_table.far","mode":"managed","type":"aws_dynamodb_table","name":"far","provider_name":"registry.terraform.io/hashicorp/aws",
  "change":{"actions":["create"],"after":{"name":"far","region":"us-east-1","point_in_time_recovery":[{"enabled":false}],"tags":{"Backup":"hourly"},"tags_all":{"Backup":"hourly"}},"after_unknown":{"arn":true}}}
],
"configuration":{"root_module":{"resources":[
 {"address":"aws_backup_selection.all","mode":"managed","type":"aws_backup_selection","name":"all","provider_config_key":"aws","expressions":{"plan_id":{"references":["aws_backup_plan.hourly.id","aws_backup_plan.hourly"]}}},
 {"address":"aws_backup_selection.tagged","mode":"managed","type":"aws_backup_selection","name":"tagged","provider_config_key":"aws","expressions":{"plan_id":{"references":["aws_backup_plan.hourly.id","aws_backup_plan.hourly"]}}}
]}}}`

// TestObjectivesAgreeWithCatalogue: the recovery objectives and
// aws_backup_plan_coverage ask internal/aws/backup which selections pick
// a data store, so they cannot contradict each other on one. Before, the
// objectives read a selection's resources only as references or "*", its
// selection_tag blocks without region, and ignored ARN patterns,
// not_resources and conditions.
func TestObjectivesAgreeWithCatalogue(t *testing.T) {
	t.Parallel()
	fixture, err := input.Read("../../checks/testdata/aws_backup/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	plans := map[string]*model.Plan{
		"checks/testdata/aws_backup": fixture,
		"agreement plan":             decode(t, "plan.json", agreementPlan),
	}
	// Each resource on which the old objective code and the catalogue
	// disagreed, with what the objectives now see of its selections.
	disagreed := map[string]string{
		"aws_dynamodb_table.events":   "pass",    // an ARN pattern and a condition: the old code saw no selection
		"aws_s3_bucket.dr_copy":       "fail",    // tagged, in another region than the selection: the old code took the tag
		"aws_efs_file_system.shared":  "unknown", // its tags are known only after apply: the old code said none
		"aws_dynamodb_table.audit":    "fail",    // not_resources exclude it: the old code took "*"
		"aws_dynamodb_table.far":      "fail",    // another region: the old code took "*" and the tag
		"aws_dynamodb_table.carts":    "pass",
		"aws_db_instance.orders":      "unknown", // its selection's condition is known only after apply: the old code took the reference
		"aws_dynamodb_table.sessions": "fail",
	}
	pol := parse(t, `objective "all" { rpo = "1h" }`)
	judged := map[string]bool{}
	for name, plan := range plans {
		rep := run(t, []*model.Plan{plan}, append([]check.Check{checks.AWSBackupPlanCoverage}, objectiveChecks...), "production", pol)
		for _, r := range rep.Results {
			if r.CheckID != "aws_backup_plan_coverage" {
				continue
			}
			got := objectiveSelection(t, rep, r.Address)
			if got != string(r.Status) {
				t.Errorf("%s: %s: aws_backup_plan_coverage says %s, the recovery objectives' selections %s", name, r.Address, r.Status, got)
			}
			if want, ok := disagreed[r.Address]; ok {
				judged[r.Address] = true
				if got != want {
					t.Errorf("%s: %s: the objectives' selections say %s, want %s", name, r.Address, got, want)
				}
			}
		}
	}
	for addr := range disagreed {
		if !judged[addr] {
			t.Errorf("%s is not judged: the test proves nothing of it", addr)
		}
	}
}

// objectiveSelection reads what recovery_objectives_rpo saw of the AWS
// Backup selections of a resource: pass when a selection picks it (a rule
// of its plan is evidence), unknown when one may, fail when none does.
func objectiveSelection(t *testing.T, rep *engine.Report, addr string) string {
	t.Helper()
	for _, r := range rep.Results {
		if r.CheckID != "recovery_objectives_rpo" || r.Address != addr {
			continue
		}
		verdict := "fail"
		for _, e := range r.Evidence {
			switch {
			case e.Attribute == "aws_backup_selection":
				return "fail"
			case !strings.Contains(e.Attribute, ".rule"):
			case !strings.Contains(e.Value, " picks the resource: "):
				return "pass"
			default:
				verdict = "unknown"
			}
		}
		return verdict
	}
	t.Fatalf("%s: no recovery_objectives_rpo result", addr)
	return ""
}

// TestObjectivesReadSnapshotPolicies: an EBS volume that a Data Lifecycle
// Manager policy snapshots, as aws_ebs_volume_backup judges it, has that
// recovery point; the objectives once said it had no backup at all.
func TestObjectivesReadSnapshotPolicies(t *testing.T) {
	t.Parallel()
	plan := decode(t, "plan.json", `{"format_version":"1.2","terraform_version":"1.8.5","resource_changes":[
 {"address":"aws_ebs_volume.data","mode":"managed","type":"aws_ebs_volume","name":"data","provider_name":"registry.terraform.io/hashicorp/aws",
  "change":{"actions":["create"],"after":{"region":"eu-west-1","tags":{"Snapshot":"daily"},"tags_all":{"Snapshot":"daily"}},"after_unknown":{"id":true,"arn":true}}},
 {"address":"aws_ebs_volume.later","mode":"managed","type":"aws_ebs_volume","name":"later","provider_name":"registry.terraform.io/hashicorp/aws",
  "change":{"actions":["create"],"after":{"region":"eu-west-1"},"after_unknown":{"id":true,"arn":true,"tags":true,"tags_all":true}}},
 {"address":"aws_ebs_volume.bare","mode":"managed","type":"aws_ebs_volume","name":"bare","provider_name":"registry.terraform.io/hashicorp/aws",
  "change":{"actions":["create"],"after":{"region":"eu-west-1","tags":{},"tags_all":{}},"after_unknown":{"id":true,"arn":true}}},
 {"address":"aws_dlm_lifecycle_policy.daily","mode":"managed","type":"aws_dlm_lifecycle_policy","name":"daily","provider_name":"registry.terraform.io/hashicorp/aws",
  "change":{"actions":["create"],"after":{"region":"eu-west-1","state":"ENABLED","policy_details":[{"policy_type":"EBS_SNAPSHOT_MANAGEMENT","resource_types":["VOLUME"],"target_tags":{"Snapshot":"daily"},
   "schedule":[{"name":"daily","create_rule":[{"interval":24,"interval_unit":"HOURS"}]}]}]},"after_unknown":{"id":true}}}
]}`)
	tests := map[string]struct {
		rpo  string
		want []row
		msg  string
	}{
		"met": {rpo: "2d", want: []row{
			{"aws_ebs_volume_backup", "aws_ebs_volume.bare", "fail", "medium"},
			{"aws_ebs_volume_backup", "aws_ebs_volume.data", "pass", "medium"},
			{"aws_ebs_volume_backup", "aws_ebs_volume.later", "unknown", "medium"},
			{"recovery_objectives_rpo", "aws_ebs_volume.bare", "fail", "high"},
			{"recovery_objectives_rpo", "aws_ebs_volume.data", "pass", "high"},
			{"recovery_objectives_rpo", "aws_ebs_volume.later", "unknown", "high"},
		}, msg: `Data Lifecycle Manager policy aws_dlm_lifecycle_policy.daily schedule "daily" (a recovery point every 1d) meets the RPO of 2d`},
		"missed": {rpo: "1h", want: []row{
			{"aws_ebs_volume_backup", "aws_ebs_volume.bare", "fail", "medium"},
			{"aws_ebs_volume_backup", "aws_ebs_volume.data", "pass", "medium"},
			{"aws_ebs_volume_backup", "aws_ebs_volume.later", "unknown", "medium"},
			{"recovery_objectives_rpo", "aws_ebs_volume.bare", "fail", "high"},
			{"recovery_objectives_rpo", "aws_ebs_volume.data", "fail", "high"},
			{"recovery_objectives_rpo", "aws_ebs_volume.later", "unknown", "high"},
		}, msg: `the most frequent recovery point is Data Lifecycle Manager policy aws_dlm_lifecycle_policy.daily schedule "daily", every 1d: a failure just before it loses more than the RPO of 1h`},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			pol := parse(t, `objective "all" { rpo = "`+tt.rpo+`" }`)
			rep := run(t, []*model.Plan{plan}, append([]check.Check{checks.AWSEBSVolumeBackup}, objectiveChecks...), "production", pol)
			if diff := cmp.Diff(tt.want, rows(rep, "aws_ebs_volume_backup", "recovery_objectives_rpo")); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if got := message(rep, "recovery_objectives_rpo", "aws_ebs_volume.data"); got != tt.msg {
				t.Errorf("message %q, want %q", got, tt.msg)
			}
		})
	}
}

// TestObjectiveBackupPlanMayServe: an AWS Backup plan judged against the
// RPO of a data store its selection may pick (the store's tags are known
// only after apply) is unknown, not failed nor skipped.
func TestObjectiveBackupPlanMayServe(t *testing.T) {
	t.Parallel()
	src := strings.Replace(agreementPlan, "cron(0 * ? * * *)", "cron(0 5 ? * * *)", 1)
	src = strings.Replace(src, `"resources":["*"],"not_resources":["arn:aws:dynamodb:*:*:table/audit"]`, `"resources":[],"not_resources":[]`, 1)
	src = strings.Replace(src, `"point_in_time_recovery":[{"enabled":false}],"tags":{},"tags_all":{}},"after_unknown":{"arn":true}}},
 {"address":"aws_dynamodb_table.audit"`, `"point_in_time_recovery":[{"enabled":false}]},"after_unknown":{"arn":true,"tags":true,"tags_all":true}}},
 {"address":"aws_dynamodb_table.audit"`, 1)
	if src == agreementPlan {
		t.Fatal("the plan did not change: the test would prove nothing")
	}
	pol := parse(t, `objective "all" { rpo = "1h" }`)
	rep := run(t, []*model.Plan{decode(t, "plan.json", src)}, objectiveChecks, "production", pol)
	want := []row{{"recovery_objectives_backup_plan", "aws_backup_plan.hourly", "unknown", "medium"}}
	if diff := cmp.Diff(want, rows(rep, "recovery_objectives_backup_plan")); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if msg := message(rep, "recovery_objectives_backup_plan", "aws_backup_plan.hourly"); !strings.Contains(msg, "aws_dynamodb_table.carts is known only after apply (aws_backup_selection.tagged: its selection_tag Backup = \"hourly\")") {
		t.Errorf("message %q does not name the selection that may pick the table", msg)
	}
}
