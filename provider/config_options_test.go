package provider

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/prodready/terraform-provider-readiness/internal/hclconfig"
)

// TestAccConfigDataSourceUnreadModules: a module call that cannot be read
// is an error diagnostic naming it, unless skip_unread_modules judges the
// rest.
func TestAccConfigDataSourceUnreadModules(t *testing.T) {
	dir := strconv.Quote(testdataPath(t, "unread_config"))
	const ds = "data.readiness_config.c"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `data "readiness_config" "c" { dir = ` + dir + ` }`,
				ExpectError: regexp.MustCompile(`(?s)Module Not Read.*` + words("run terraform init in") + `.*` + words("or set skip_unread_modules = true") +
					`.*main\.tf:10: module\.eks \(source\s+"terraform-aws-modules/eks/aws"\)\s+is\s+not\s+installed\s+by\s+terraform\s+init`),
			},
			{
				Config: `data "readiness_config" "c" {
  dir                 = ` + dir + `
  skip_unread_modules = true
}`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckTypeSetElemNestedAttrs(ds, "results.*", map[string]string{
						"check_id": "aws_rds_multi_az", "status": "pass", "address": "aws_db_instance.orders",
					}),
				),
			},
		},
	})
}

// TestAccConfigDataSourceVariables: var_files, variables and workspace give
// the configuration the values terraform plan would get from -var-file,
// -var and the selected workspace.
func TestAccConfigDataSourceVariables(t *testing.T) {
	dir := testdataPath(t, "vars_config")
	const ds = "data.readiness_config.c"
	multiAZ := func(address, status string) resource.TestCheckFunc {
		return resource.TestCheckTypeSetElemNestedAttrs(ds, "results.*", map[string]string{
			"check_id": "aws_rds_multi_az", "status": status, "address": address,
		})
	}
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `data "readiness_config" "c" { dir = ` + strconv.Quote(dir) + ` }`,
				Check: resource.ComposeAggregateTestCheckFunc(
					multiAZ("aws_db_instance.tfvars", "pass"),
					multiAZ("aws_db_instance.file", "fail"),
					multiAZ("aws_db_instance.settings", "fail"),
					multiAZ("aws_db_instance.workspace", "unknown"),
				),
			},
			{
				Config: `data "readiness_config" "c" {
  dir       = ` + strconv.Quote(dir) + `
  var_files = [` + strconv.Quote(dir+"/env/prod.tfvars") + `]
  variables = {
    settings = jsonencode({ multi_az = true })
  }
  workspace = "prod"
}`,
				Check: resource.ComposeAggregateTestCheckFunc(
					multiAZ("aws_db_instance.tfvars", "pass"),
					multiAZ("aws_db_instance.file", "pass"),
					multiAZ("aws_db_instance.settings", "pass"),
					multiAZ("aws_db_instance.workspace", "pass"),
				),
			},
			{
				Config: `data "readiness_config" "c" {
  dir       = ` + strconv.Quote(dir) + `
  var_files = [` + strconv.Quote(dir+"/env/broken.tfvars") + `]
}`,
				ExpectError: regexp.MustCompile(`(?s)Unreadable Configuration.*broken\.tfvars:1,\d+: Invalid expression`),
			},
			{
				Config: `data "readiness_config" "c" {
  dir       = ` + strconv.Quote(dir) + `
  variables = { nope = "1" }
}`,
				ExpectError: regexp.MustCompile(`(?s)Unreadable Configuration.*variables\["nope"\]: ` + words(`the configuration declares no variable "nope"`)),
			},
		},
	})
}

// TestConfigDiagnostics: the diagnostics readiness_config adds for what it
// cannot read (an error per module call) and for what its verdict does not
// cover (a warning per module call skipped, per variable without a value).
func TestConfigDiagnostics(t *testing.T) {
	t.Parallel()
	type row struct{ Severity, Summary, Detail string }
	collect := func(diags diag.Diagnostics) []row {
		var out []row
		for _, d := range diags {
			out = append(out, row{d.Severity().String(), d.Summary(), d.Detail()})
		}
		return out
	}
	unread := testdataPath(t, "unread_config")
	vars := testdataPath(t, "vars_config")
	tests := map[string]struct {
		dir  string
		opts hclconfig.Options
		want []row // Detail: substrings joined by |
	}{
		"a module not installed": {
			dir: unread,
			want: []row{{"Error", "Module Not Read", "readiness_config cannot read a module the configuration in " + unread + " calls|" +
				"To read it, run terraform init in " + unread + ", or set skip_unread_modules = true|" +
				`main.tf:10: module.eks (source "terraform-aws-modules/eks/aws") is not installed by terraform init`}},
		},
		"skipped": {
			dir: unread, opts: hclconfig.Options{SkipUnreadModules: true},
			want: []row{{"Warning", "Module Not Read", "ready covers only the rest|" +
				unread + `/main.tf:10: module.eks (source "terraform-aws-modules/eks/aws") is not installed by terraform init: not read`}},
		},
		"a variable without a value": {
			dir:  vars,
			want: []row{{"Warning", "Variable Without Value", "Give it one in variables or var_files.|" + vars + "/main.tf:14: variable db_password has no value: what depends on it is unknown"}},
		},
		"every variable given": {
			dir: vars, opts: hclconfig.Options{Vars: []hclconfig.Var{{Name: "db_password", Value: "hunter2hunter2"}}},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var diags diag.Diagnostics
			res, err := hclconfig.LoadWith(tc.dir, tc.opts)
			if err != nil {
				configError(&diags, tc.dir, err)
			} else {
				configWarnings(&diags, res)
			}
			got := collect(diags)
			if len(got) != len(tc.want) {
				t.Fatalf("diagnostics = %q, want %d", got, len(tc.want))
			}
			for i, w := range tc.want {
				if got[i].Severity != w.Severity || got[i].Summary != w.Summary {
					t.Errorf("diagnostic %d (-want +got):\n%s", i, cmp.Diff(w, got[i]))
				}
				for _, part := range strings.Split(w.Detail, "|") {
					if !strings.Contains(got[i].Detail, part) {
						t.Errorf("diagnostic %d lacks %q:\n%s", i, part, got[i].Detail)
					}
				}
			}
		})
	}
}
