package checks

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
	"github.com/prodready/terraform-provider-readiness/internal/policy"
)

func TestOwnerTag(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"resource tags": {
			fixture: "testdata/aws_alarms/plan.json",
			want: checktest.Want{
				Pass: []string{
					"aws_db_instance.orders",    // team
					"aws_rds_cluster.analytics", // Owner
					"aws_lambda_function.api",   // owner_email
					"aws_sqs_queue.jobs", "aws_sqs_queue.jobs_dlq",
				},
				Fail: []string{
					`module.db["blue"].aws_db_instance.this[0]`, `module.db["green"].aws_db_instance.this[0]`,
					"aws_lambda_function.worker",
					"aws_autoscaling_group.web", // tag blocks without owner
				},
				Unknown: []string{"aws_dynamodb_table.sessions"}, // tags_all known after apply
			},
		},
		"provider default_tags": {
			fixture: "testdata/aws_logging/plan.json",
			want: checktest.Want{Pass: []string{
				"aws_dynamodb_table.global", "aws_lambda_function.api", "aws_lambda_function.edge",
				"aws_lambda_function.worker", `module.fn["thumbs"].aws_lambda_function.this[0]`,
			}},
		},
		"tags list of maps (AWS provider v4)": {
			fixture: "testdata/aws_asg_v4_tags/plan.json",
			want: checktest.Want{
				Pass: []string{"aws_autoscaling_group.workers"}, // team
				Fail: []string{"aws_autoscaling_group.legacy"},  // application names what, not who
			},
		},
		"the keys teams use": {
			fixture: "testdata/aws_alarm_scope/plan.json",
			want: checktest.Want{
				Pass: []string{
					"aws_autoscaling_group.jump",         // team tag block
					"aws_dynamodb_table.terraform_locks", // business_unit
					"aws_ebs_volume.reports",             // CostCenter
					"aws_instance.api",                   // app_contacts
					"aws_instance.ops",                   // Owner
					"aws_instance.reports",               // CostCenter
				},
				Fail: []string{
					"aws_dynamodb_table.orders", // created_by = "terraform" names a tool
					"aws_instance.admin",        // Project names what, not who
				},
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, OwnerTag, tc.fixture, tc.want)
		})
	}
}

// TestOwnerTagsConfigured: owner_tags in .readiness.hcl replaces the
// default keys.
func TestOwnerTagsConfigured(t *testing.T) {
	t.Parallel()
	rep := runWithPolicy(t, OwnerTag, "testdata/aws_alarm_scope/plan.json", &policy.Policy{OwnerTags: []string{"project", "cost_center"}})
	want := checktest.Want{
		Pass: []string{"aws_ebs_volume.reports", "aws_instance.admin", "aws_instance.reports"},
		Fail: []string{
			"aws_autoscaling_group.jump", "aws_dynamodb_table.orders", "aws_dynamodb_table.terraform_locks",
			"aws_instance.api", "aws_instance.ops",
		},
	}
	got := checktest.Want{Pass: statusAddresses(rep, check.StatusPass), Fail: statusAddresses(rep, check.StatusFail), Unknown: statusAddresses(rep, check.StatusUnknown)}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("owner_tags = [project, cost_center] (-want +got):\n%s", diff)
	}
}

func TestOwnerKeys(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		keys       []string
		key, value string
		want       bool
	}{
		"Owner":                   {key: "Owner", value: "sre@example.com", want: true},
		"owner_email":             {key: "owner_email", value: "a@example.com", want: true},
		"technical owner":         {key: "TechnicalOwner", value: "alice", want: true},
		"TeamName":                {key: "TeamName", value: "orders", want: true},
		"app_contacts":            {key: "app_contacts", value: "me@example.com", want: true},
		"created_by":              {key: "created_by", value: "alice", want: true},
		"CreatedBy":               {key: "CreatedBy", value: "alice", want: true},
		"created_by a tool":       {key: "CreatedBy", value: "Terraform", want: false},
		"business_unit":           {key: "business_unit", value: "retail", want: true},
		"BusinessUnit":            {key: "BusinessUnit", value: "retail", want: true},
		"CostCenter":              {key: "CostCenter", value: "CC-1", want: true},
		"cost-centre":             {key: "cost-centre", value: "CC-1", want: true},
		"kubernetes label":        {key: "app.kubernetes.io/owner", value: "orders", want: true},
		"empty value":             {key: "owner", value: " ", want: false},
		"placeholder":             {key: "owner", value: "TBD", want: false},
		"Name":                    {key: "Name", value: "orders-db", want: false},
		"Project":                 {key: "Project", value: "orders", want: false},
		"Environment":             {key: "Environment", value: "prod", want: false},
		"billing":                 {key: "billing", value: "rocketpool", want: false},
		"configured exact":        {keys: []string{"service-owner"}, key: "ServiceOwner", value: "x", want: true},
		"configured replaces":     {keys: []string{"service-owner"}, key: "team", value: "x", want: false},
		"configured prefix":       {keys: []string{"squad*"}, key: "squad_name", value: "x", want: true},
		"configured middle":       {keys: []string{"app*contact"}, key: "app_primary_contact", value: "x", want: true},
		"configured middle, miss": {keys: []string{"app*contact"}, key: "app_contacts", value: "x", want: false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := newOwnerKeys(tc.keys).names(tc.key, tc.value); got != tc.want {
				t.Errorf("owner keys %v: names(%q, %q) = %v, want %v", tc.keys, tc.key, tc.value, got, tc.want)
			}
		})
	}
}

// TestOwnerTagsDefaultDocumented holds docs/configuration.md to the default
// list it shows.
func TestOwnerTagsDefaultDocumented(t *testing.T) {
	t.Parallel()
	doc, err := os.ReadFile("../docs/configuration.md")
	if err != nil {
		t.Fatal(err)
	}
	quoted := make([]string, len(defaultOwnerTags))
	for i, k := range defaultOwnerTags {
		quoted[i] = strconv.Quote(k)
	}
	text := strings.Join(strings.Fields(string(doc)), " ")
	if want := "owner_tags = [" + strings.Join(quoted, ", ") + "]"; !strings.Contains(text, want) {
		t.Errorf("docs/configuration.md does not show the default owner_tags: %s", want)
	}
}
