package provider

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// TestAccInvalidCustomCheck: a custom check whose condition cannot be
// evaluated is an error of readiness_plan and readiness_config, naming the
// check and its place, as it is exit 1 of readiness scan.
func TestAccInvalidCustomCheck(t *testing.T) {
	provider := `provider "readiness" {
  config_file = ` + strconv.Quote(testdataPath(t, "invalid_check", "readiness.hcl")) + `
}
`
	want := regexp.MustCompile(`(?s)Invalid Custom Check.*` + words("check team_typo is invalid:") + `.*` +
		words("readiness.hcl:4,24-31: the condition cannot be evaluated: Unsupported attribute (attribute afterr)"))
	for name, ds := range map[string]string{
		"plan":   `data "readiness_plan" "p" { path = ` + strconv.Quote(testdataPath(t, "not_ready", "plan.json")) + ` }`,
		"config": `data "readiness_config" "c" { dir = ` + strconv.Quote(testdataPath(t, "config")) + ` }`,
	} {
		t.Run(name, func(t *testing.T) {
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviderFactories,
				Steps:                    []resource.TestStep{{Config: provider + ds, ExpectError: want}},
			})
		})
	}
}
