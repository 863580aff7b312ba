package policy_test

import (
	"strings"
	"testing"

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
		rep := run(t, []*model.Plan{plan}, []check.Check{checks.AWSBackupPlanCoverage}, "production", pol)
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
