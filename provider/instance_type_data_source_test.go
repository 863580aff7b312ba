package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

func TestAccInstanceTypeDataSource(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `
data "readiness_instance_type" "graviton" {
  name = "m7g.large"
}

data "readiness_instance_type" "gpu" {
  name = "G5.XLARGE"
}

data "readiness_instance_type" "old_db" {
  name = "db.t2.small"
}
`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr("data.readiness_instance_type.graviton", "cloud", "aws"),
					resource.TestCheckResourceAttr("data.readiness_instance_type.graviton", "family", "m7g"),
					resource.TestCheckResourceAttr("data.readiness_instance_type.graviton", "vcpus", "2"),
					resource.TestCheckResourceAttr("data.readiness_instance_type.graviton", "memory_gib", "8"),
					resource.TestCheckResourceAttr("data.readiness_instance_type.graviton", "gpus", "0"),
					resource.TestCheckResourceAttr("data.readiness_instance_type.graviton", "gpu_model", ""),
					resource.TestCheckResourceAttr("data.readiness_instance_type.graviton", "accelerator", ""),
					resource.TestCheckResourceAttr("data.readiness_instance_type.graviton", "generation", "current"),
					resource.TestCheckResourceAttr("data.readiness_instance_type.graviton", "burstable", "false"),
					resource.TestCheckResourceAttr("data.readiness_instance_type.graviton", "architecture", "arm64"),
					// The name stays as written; lookups ignore case.
					resource.TestCheckResourceAttr("data.readiness_instance_type.gpu", "name", "G5.XLARGE"),
					resource.TestCheckResourceAttr("data.readiness_instance_type.gpu", "gpus", "1"),
					resource.TestCheckResourceAttr("data.readiness_instance_type.gpu", "gpu_model", "NVIDIA A10G"),
					resource.TestCheckResourceAttr("data.readiness_instance_type.gpu", "accelerator", "gpu"),
					resource.TestCheckResourceAttr("data.readiness_instance_type.gpu", "architecture", "x86_64"),
					resource.TestCheckResourceAttr("data.readiness_instance_type.old_db", "generation", "previous"),
					resource.TestCheckResourceAttr("data.readiness_instance_type.old_db", "burstable", "true"),
				),
			},
			{
				Config:      `data "readiness_instance_type" "x" { name = "m7g.humongous" }`,
				ExpectError: regexp.MustCompile(`(?s)Unknown Instance Type.*no instance type called "m7g.humongous"`),
			},
		},
	})
}

// TestAccInstanceTypeDidYouMean: an instance type with a typo is an error
// that names the type probably meant, in the data source and the function.
func TestAccInstanceTypeDidYouMean(t *testing.T) {
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionVersions,
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      `data "readiness_instance_type" "x" { name = "db.m6g.lrge" }`,
				ExpectError: regexp.MustCompile(`(?s)Unknown Instance Type.*"db.m6g.lrge"\.\s+Did\s+you\s+mean\s+"db\.m6g\.large"\?`),
			},
			{
				Config:      `output "r" { value = provider::readiness::instance_type("n2-standrd-4") }`,
				ExpectError: regexp.MustCompile(`(?s)Unknown Instance Type.*Did\s+you\s+mean\s+"n2-standard-4"\?`),
			},
		},
	})
}
