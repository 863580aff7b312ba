package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/prodready/terraform-provider-readiness/checks"
)

func TestAccChecksDataSource(t *testing.T) {
	total := len(checks.All())
	multiAZ, _ := checks.ByID("aws_rds_multi_az")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `
data "readiness_checks" "all" {}

data "readiness_checks" "aws_deployment" {
  section = "deployment"
  cloud   = "aws"
}

data "readiness_checks" "backup" {
  category = "backup"
}

data "readiness_checks" "db" {
  resource_type = "aws_db_instance"
}

output "all" {
  value = length(data.readiness_checks.all.checks)
}

output "aws_deployment_matches" {
  value = alltrue([for c in data.readiness_checks.aws_deployment.checks : c.section == "deployment" && c.cloud == "aws"])
}

output "backup_matches" {
  value = length(data.readiness_checks.backup.checks) > 0 && alltrue([for c in data.readiness_checks.backup.checks : c.category == "backup"])
}

output "db_matches" {
  value = length(data.readiness_checks.db.checks) > 1 && alltrue([for c in data.readiness_checks.db.checks : contains(c.resource_types, "aws_db_instance")])
}

output "sorted" {
  value = join(",", [for c in data.readiness_checks.all.checks : c.id]) == join(",", sort([for c in data.readiness_checks.all.checks : c.id]))
}
`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckTypeSetElemNestedAttrs("data.readiness_checks.aws_deployment", "checks.*", map[string]string{
						"id":               multiAZ.ID,
						"title":            multiAZ.Title,
						"section":          "deployment",
						"category":         "multi_az",
						"severity":         "high",
						"cloud":            "aws",
						"resource_types.#": "1",
						"resource_types.0": "aws_db_instance",
						"description":      multiAZ.Description,
						"remediation":      multiAZ.Remediation,
						"docs":             multiAZ.DocsURL(),
					}),
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("all", knownvalue.Int64Exact(int64(total))),
					statecheck.ExpectKnownOutputValue("aws_deployment_matches", knownvalue.Bool(true)),
					statecheck.ExpectKnownOutputValue("backup_matches", knownvalue.Bool(true)),
					statecheck.ExpectKnownOutputValue("db_matches", knownvalue.Bool(true)),
					statecheck.ExpectKnownOutputValue("sorted", knownvalue.Bool(true)),
				},
			},
		},
	})
}

func TestAccChecksDataSourceInvalidFilter(t *testing.T) {
	tests := map[string]struct {
		config string
		want   string
	}{
		"section":      {`data "readiness_checks" "c" { section = "deploy" }`, `(?s)Invalid Filter.*section.*"deploy"`},
		"category":     {`data "readiness_checks" "c" { category = "HA" }`, `(?s)Invalid Filter.*category.*"HA"`},
		"cloud":        {`data "readiness_checks" "c" { cloud = "gcp" }`, `(?s)Invalid Filter.*kubernetes.*"gcp"`},
		"section typo": {`data "readiness_checks" "c" { section = "securty" }`, `(?s)Invalid Filter.*Did you mean\s+"security"\?`},
		"resource type typo": {
			`data "readiness_checks" "c" { resource_type = "aws_db_instanse" }`,
			`(?s)Invalid Filter.*resource_type.*Did you mean\s+"aws_db_instance"\?.*"aws_db_instanse"`,
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviderFactories,
				Steps:                    []resource.TestStep{{Config: tc.config, ExpectError: regexp.MustCompile(tc.want)}},
			})
		})
	}
}
