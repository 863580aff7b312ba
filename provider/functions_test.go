package provider

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"github.com/prodready/terraform-provider-readiness/checks"
)

// Provider functions need Terraform 1.8. Each function is tested with known,
// null and unknown arguments, as real configurations give them.

var functionVersions = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)}

// singleAZ is an RDS instance that fails aws_rds_multi_az (high).
const singleAZ = `{
  engine                  = "postgres"
  instance_class          = "db.m6g.large"
  multi_az                = false
  publicly_accessible     = false
  storage_encrypted       = true
  backup_retention_period = 7
  deletion_protection     = true
}`

// statusOf is an output with the status of one check in a check() result.
func statusOf(output, list, checkID string) string {
	return `output "` + output + `" {
  value = one([for r in ` + list + ` : r.status if r.check_id == "` + checkID + `"])
}
`
}

func TestAccCheckFunctionKnown(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionVersions,
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
locals {
  results = provider::readiness::check("aws_db_instance", ` + singleAZ + `)
}

output "count" {
  value = length(local.results)
}

output "multi_az" {
  value = one([for r in local.results : r if r.check_id == "aws_rds_multi_az"])
}
` + statusOf("encrypted", "local.results", "aws_rds_storage_encrypted") +
				statusOf("owner", "local.results", "owner_tag"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("multi_az", knownvalue.ObjectExact(map[string]knownvalue.Check{
					"check_id": knownvalue.StringExact("aws_rds_multi_az"),
					"title":    knownvalue.StringExact("RDS instance has a Multi-AZ standby"),
					"section":  knownvalue.StringExact("deployment"),
					"category": knownvalue.StringExact("multi_az"),
					"severity": knownvalue.StringExact("high"),
					"status":   knownvalue.StringExact("fail"),
					"address":  knownvalue.StringExact("aws_db_instance.this"),
					"message":  knownvalue.StringExact("the instance runs in a single Availability Zone: an AZ outage takes the database down"),
					// Values judged alone: nothing before them to compare with.
					"change": knownvalue.Null(),
				})),
				statecheck.ExpectKnownOutputValue("encrypted", knownvalue.StringExact("pass")),
				// No tags in the values: the check cannot decide.
				statecheck.ExpectKnownOutputValue("owner", knownvalue.StringExact("unknown")),
			},
		}},
	})
}

func TestAccCheckFunctionNull(t *testing.T) {
	for name, call := range map[string]string{
		"type":   `provider::readiness::check(null, {})`,
		"values": `provider::readiness::check("aws_db_instance", null)`,
	} {
		t.Run(name, func(t *testing.T) {
			resource.UnitTest(t, resource.TestCase{
				TerraformVersionChecks:   functionVersions,
				ProtoV6ProviderFactories: testProviderFactories,
				Steps: []resource.TestStep{{
					Config:      `output "r" { value = ` + call + ` }`,
					ExpectError: regexp.MustCompile(`(?s)Invalid function argument.*` + name + `.*null`),
				}},
			})
		})
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionVersions,
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			Config:      `output "r" { value = provider::readiness::check("aws_db_instance", "db.m6g.large") }`,
			ExpectError: regexp.MustCompile(`(?s)` + words("values must be an object")),
		}},
	})
}

// TestAccCheckFunctionUnknown: values known only after apply give an
// unknown list during plan, and parts of them unknown statuses for the
// checks that need those parts; after apply, verdicts. An unknown type gives
// an unknown list.
func TestAccCheckFunctionUnknown(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionVersions,
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "db" {
  input = ` + singleAZ + `
}

resource "terraform_data" "flag" {
  input = false
}

resource "terraform_data" "type" {
  input = "aws_db_instance"
}

locals {
  whole   = provider::readiness::check("aws_db_instance", terraform_data.db.output)
  partial = provider::readiness::check("aws_db_instance", merge(` + singleAZ + `, { multi_az = terraform_data.flag.output }))
}

output "by_type" {
  value = provider::readiness::check(terraform_data.type.output, {})
}
` + statusOf("whole", "local.whole", "aws_rds_multi_az") +
				statusOf("partial", "local.partial", "aws_rds_multi_az") +
				statusOf("partial_known", "local.partial", "aws_rds_storage_encrypted"),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectUnknownOutputValue("whole"),
				plancheck.ExpectUnknownOutputValue("partial"),
				plancheck.ExpectKnownOutputValue("partial_known", knownvalue.StringExact("pass")),
				plancheck.ExpectUnknownOutputValue("by_type"),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("whole", knownvalue.StringExact("fail")),
				statecheck.ExpectKnownOutputValue("partial", knownvalue.StringExact("fail")),
				statecheck.ExpectKnownOutputValue("partial_known", knownvalue.StringExact("pass")),
				// Once known, the type selects every resource check of aws_db_instance.
				statecheck.ExpectKnownOutputValue("by_type", knownvalue.ListSizeExact(resourceChecksOf("aws_db_instance"))),
			},
		}},
	})
}

func TestAccReadyFunction(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionVersions,
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "db" {
  input = ` + singleAZ + `
}

resource "terraform_data" "flag" {
  input = true
}

output "single_az" {
  value = provider::readiness::ready("aws_db_instance", ` + singleAZ + `)
}

output "multi_az" {
  value = provider::readiness::ready("aws_db_instance", merge(` + singleAZ + `, { multi_az = true }))
}

# Only medium and low checks fail (no log exports): ready.
output "medium_only" {
  value = provider::readiness::ready("aws_db_instance", merge(` + singleAZ + `, { multi_az = true, enabled_cloudwatch_logs_exports = [] }))
}

output "unknown_values" {
  value = provider::readiness::ready("aws_db_instance", terraform_data.db.output)
}

# multi_az is unknown, but a public instance already fails: false at plan.
output "known_failure" {
  value = provider::readiness::ready("aws_db_instance", merge(` + singleAZ + `, { multi_az = terraform_data.flag.output, publicly_accessible = true }))
}
`,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectKnownOutputValue("single_az", knownvalue.Bool(false)),
				plancheck.ExpectKnownOutputValue("multi_az", knownvalue.Bool(true)),
				plancheck.ExpectUnknownOutputValue("unknown_values"),
				plancheck.ExpectKnownOutputValue("known_failure", knownvalue.Bool(false)),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("medium_only", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("unknown_values", knownvalue.Bool(false)),
			},
		}},
	})
}

func TestAccReadyFunctionNull(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionVersions,
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      `output "r" { value = provider::readiness::ready(null, {}) }`,
				ExpectError: regexp.MustCompile(`(?s)Invalid function argument.*type.*null`),
			},
			{
				Config:      `output "r" { value = provider::readiness::ready("aws_db_instance", null) }`,
				ExpectError: regexp.MustCompile(`(?s)Invalid function argument.*values.*null`),
			},
		},
	})
}

// TestAccReadyPostcondition: a postcondition using ready fails the apply of
// a resource whose values are not ready, naming the failing checks.
func TestAccReadyPostcondition(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionVersions,
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "db" {
  input = ` + singleAZ + `

  lifecycle {
    postcondition {
      condition     = provider::readiness::ready("aws_db_instance", self.output)
      error_message = "Not production ready: ${join(", ", [for r in provider::readiness::check("aws_db_instance", self.output) : r.check_id if r.status == "fail"])}."
    }
  }
}
`,
			ExpectError: regexp.MustCompile(`(?s)Resource postcondition failed.*` + words("Not production ready:") + `.*aws_rds_multi_az`),
		}},
	})
}

// TestAccReadyPrecondition: with values known at plan time, a precondition
// stops the plan.
func TestAccReadyPrecondition(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionVersions,
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
locals {
  db = ` + singleAZ + `
}

resource "terraform_data" "db" {
  input = local.db

  lifecycle {
    precondition {
      condition     = provider::readiness::ready("aws_db_instance", local.db)
      error_message = "The database settings are not production ready."
    }
  }
}
`,
			ExpectError: regexp.MustCompile(`(?s)Resource precondition failed.*` + words("not production ready")),
		}},
	})
}

// TestAccReadyCheckBlock: a check block that fails warns; the apply goes on.
func TestAccReadyCheckBlock(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionVersions,
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "db" {
  input = ` + singleAZ + `
}

check "db_ready" {
  assert {
    condition     = provider::readiness::ready("aws_db_instance", terraform_data.db.output)
    error_message = "The database is not production ready."
  }
}
`,
			Check: resource.TestCheckResourceAttr("terraform_data.db", "output.multi_az", "false"),
		}},
	})
}

func TestAccInstanceTypeFunction(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionVersions,
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `
resource "terraform_data" "name" {
  input = "p4d.24xlarge"
}

output "known" {
  value = provider::readiness::instance_type("Standard_NC24ads_A100_v4")
}

output "unknown" {
  value = provider::readiness::instance_type(terraform_data.name.output).gpus
}

output "fallback" {
  value = try(provider::readiness::instance_type("x9.huge").vcpus, 0)
}
`,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectUnknownOutputValue("unknown"),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("known", knownvalue.ObjectExact(map[string]knownvalue.Check{
						"name":         knownvalue.StringExact("Standard_NC24ads_A100_v4"),
						"cloud":        knownvalue.StringExact("azure"),
						"family":       knownvalue.StringExact("NC_A100_v4"),
						"vcpus":        knownvalue.Int64Exact(24),
						"memory_gib":   knownvalue.Float64Exact(220),
						"gpus":         knownvalue.Int64Exact(1),
						"gpu_model":    knownvalue.StringExact("NVIDIA A100 80GB"),
						"accelerator":  knownvalue.StringExact("gpu"),
						"generation":   knownvalue.StringExact("current"),
						"burstable":    knownvalue.Bool(false),
						"architecture": knownvalue.StringExact("x86_64"),
					})),
					statecheck.ExpectKnownOutputValue("unknown", knownvalue.Int64Exact(8)),
					statecheck.ExpectKnownOutputValue("fallback", knownvalue.Int64Exact(0)),
				},
			},
		},
	})
}

func TestAccInstanceTypeFunctionErrors(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionVersions,
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      `output "r" { value = provider::readiness::instance_type(null) }`,
				ExpectError: regexp.MustCompile(`(?s)Invalid function argument.*name.*null`),
			},
			{
				Config:      `output "r" { value = provider::readiness::instance_type("m7g.humongous") }`,
				ExpectError: regexp.MustCompile(`(?s)Unknown Instance Type.*"m7g.humongous"`),
			},
		},
	})
}

// resourceChecksOf counts the catalogue's per-resource checks of a type.
func resourceChecksOf(resourceType string) int {
	n := 0
	for _, c := range checks.All() {
		// The recovery objective checks judge the objectives a team's
		// .readiness.hcl declares; the functions read no configuration.
		if strings.HasPrefix(c.ID, "recovery_objectives_") {
			continue
		}
		if c.Resource != nil && !c.Transition && slices.Contains(c.ResourceTypes, resourceType) {
			n++
		}
	}
	return n
}

// TestAccFunctionsRefuseUnjudgedTypes: a type no check judges (a typo)
// once returned true from ready and [] from check, so the gate passed.
func TestAccFunctionsRefuseUnjudgedTypes(t *testing.T) {
	for name, call := range map[string]string{
		"check": `provider::readiness::check("aws_db_instanse", ` + singleAZ + `)`,
		"ready": `provider::readiness::ready("aws_db_instanse", ` + singleAZ + `)`,
		// A real type that no check judges alone: a plan-wide check reads
		// it, but one resource's values cannot show anything about it.
		"no check": `provider::readiness::ready("terraform_data", {})`,
	} {
		want := `(?s)Invalid function argument.*type.*` + words(`no readiness check judges resource type "aws_db_instanse"`) +
			`.*` + words(`Did you mean "aws_db_instance"?`)
		if name == "no check" {
			want = `(?s)Invalid function argument.*` + words(`no readiness check judges resource type "terraform_data"`)
		}
		t.Run(name, func(t *testing.T) {
			resource.UnitTest(t, resource.TestCase{
				TerraformVersionChecks:   functionVersions,
				ProtoV6ProviderFactories: testProviderFactories,
				Steps: []resource.TestStep{{
					Config:      `output "r" { value = ` + call + ` }`,
					ExpectError: regexp.MustCompile(want),
				}},
			})
		})
	}
}
