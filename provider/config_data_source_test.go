package provider

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

func TestAccConfigDataSource(t *testing.T) {
	dir := strconv.Quote(testdataPath(t, "config"))
	const ds = "data.readiness_config.c"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `data "readiness_config" "c" { dir = ` + dir + ` }`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(ds, "ready", "false"),
					// terraform.tfvars sets env = "prod": multi_az = var.env == "prod" holds.
					resource.TestCheckTypeSetElemNestedAttrs(ds, "results.*", map[string]string{
						"check_id": "aws_rds_multi_az", "status": "pass", "address": "aws_db_instance.orders",
					}),
					// Module instances from for_each, each with its own input.
					resource.TestCheckTypeSetElemNestedAttrs(ds, "results.*", map[string]string{
						"check_id": "aws_elasticache_replication_group_multi_az", "status": "pass",
						"address": `module.cache["blue"].aws_elasticache_replication_group.this`,
					}),
					resource.TestCheckTypeSetElemNestedAttrs(ds, "results.*", map[string]string{
						"check_id": "aws_elasticache_replication_group_multi_az", "status": "fail",
						"address": `module.cache["green"].aws_elasticache_replication_group.this`,
					}),
					// An argument the configuration leaves out is null, as
					// Terraform plans it: the provider's default (no log
					// exports) decides, as on a plan.
					resource.TestCheckTypeSetElemNestedAttrs(ds, "results.*", map[string]string{
						"check_id": "aws_rds_log_exports", "status": "fail",
					}),
					resource.TestMatchResourceAttr(ds, "summary", regexp.MustCompile(`^Not ready: `)),
				),
			},
			{
				Config: `data "readiness_config" "c" {
  dir     = ` + dir + `
  fail_on = "high"
}`,
				ExpectError: regexp.MustCompile(`(?s)Readiness Check Failed: aws_elasticache_replication_group_multi_az.*module.cache\["green"\]`),
			},
		},
	})
}

func TestAccConfigDataSourceErrors(t *testing.T) {
	tests := map[string]struct {
		config string
		want   string
	}{
		"missing directory": {`data "readiness_config" "c" { dir = "no/such/dir" }`, `(?s)Unreadable Configuration.*` + words("no such directory")},
		"no .tf files":      {`data "readiness_config" "c" { dir = ` + strconv.Quote(testdataPath(t, "no_config")) + ` }`, `(?s)Unreadable Configuration.*` + words("is a directory without Terraform configuration files")},
		"empty dir":         {`data "readiness_config" "c" { dir = "" }`, `Invalid Configuration Directory`},
		"syntax error":      {`data "readiness_config" "c" { dir = ` + strconv.Quote(testdataPath(t, "broken_config")) + ` }`, `(?s)Unreadable Configuration.*main.tf:2,.*Invalid expression`},
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
