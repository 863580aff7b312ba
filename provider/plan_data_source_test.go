package provider

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/input"
)

// testdataPath returns the absolute path of a file under testdata, for
// configurations: Terraform runs them in a directory of its own.
func testdataPath(t *testing.T, parts ...string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join(append([]string{"testdata"}, parts...)...))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestAccPlanDataSource(t *testing.T) {
	ready := strconv.Quote(testdataPath(t, "ready", "plan.json"))
	notReady := strconv.Quote(testdataPath(t, "not_ready", "plan.json"))
	const ds = "data.readiness_plan.p"
	replication, _ := checks.ByID("aws_s3_replication")
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `data "readiness_plan" "p" { path = ` + ready + ` }`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(ds, "ready", "true"),
					resource.TestCheckResourceAttr(ds, "score", "86"),
					resource.TestCheckResourceAttr(ds, "failures.#", "1"),
					resource.TestCheckResourceAttr(ds, "failures.0",
						"aws_s3_bucket.assets: aws_s3_replication (low): no replication: the objects exist in this bucket's region only"),
					resource.TestCheckTypeSetElemNestedAttrs(ds, "results.*", map[string]string{
						"check_id": "aws_s3_replication",
						"title":    replication.Title,
						"section":  "disaster_recovery",
						"category": "replication",
						"severity": "low",
						"status":   "fail",
						"address":  "aws_s3_bucket.assets",
					}),
					resource.TestCheckTypeSetElemNestedAttrs(ds, "results.*", map[string]string{
						"check_id": "aws_s3_public_access", "status": "pass", "severity": "critical",
					}),
					resource.TestMatchResourceAttr(ds, "summary", regexp.MustCompile(`^Ready: no failure at or above high among \d+ results \(1 fail, \d+ pass, \d+ unknown\); score 86/100 under the production profile\.$`)),
					resource.TestCheckTypeSetElemNestedAttrs(ds, "sections.*", map[string]string{
						"section": "disaster_recovery", "fail": "1", "pass": "2", "unknown": "0", "score": "67",
					}),
					resource.TestCheckNoResourceAttr(ds, "fail_on"),
				),
			},
			{
				// The same plan given as JSON, under staging by its alias:
				// S3 replication asks for a second region, which staging
				// does not, so nothing fails.
				Config: `data "readiness_plan" "p" {
  json    = file(` + ready + `)
  fail_on = "none"
  profile = "stage"
}`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(ds, "ready", "true"),
					resource.TestCheckResourceAttr(ds, "failures.#", "0"),
					resource.TestMatchResourceAttr(ds, "summary", regexp.MustCompile(`^Ready: no failure at or above none .* under the staging profile\.$`)),
					func(s *terraform.State) error { return noResult(s, ds, "aws_s3_replication") },
				),
			},
			{
				Config: `data "readiness_plan" "p" { path = ` + notReady + ` }`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(ds, "ready", "false"),
					resource.TestCheckResourceAttr(ds, "score", "29"),
					resource.TestCheckResourceAttr(ds, "failures.0",
						"aws_db_instance.reports: aws_rds_public_access (critical): the instance is reachable from the internet"),
					resource.TestCheckTypeSetElemNestedAttrs(ds, "results.*", map[string]string{
						"check_id": "aws_rds_multi_az", "status": "fail", "severity": "high", "address": "aws_db_instance.reports",
						"message": "the instance runs in a single Availability Zone: an AZ outage takes the database down",
					}),
					resource.TestMatchResourceAttr(ds, "summary", regexp.MustCompile(`^Not ready: 5 failures at or above high among \d+ results`)),
				),
			},
			{
				// The development profile reports all but destructive changes
				// and check blocks as low: the same plan is ready.
				Config: `data "readiness_plan" "p" {
  path    = ` + notReady + `
  profile = "development"
}`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(ds, "ready", "true"),
					resource.TestCheckTypeSetElemNestedAttrs(ds, "results.*", map[string]string{"check_id": "aws_rds_multi_az", "severity": "low"}),
				),
			},
		},
	})
}

// TestAccPlanDataSourceFailOn: with fail_on set, every failure at or above
// it is an error, one per finding, and terraform plan fails listing them.
func TestAccPlanDataSourceFailOn(t *testing.T) {
	notReady := strconv.Quote(testdataPath(t, "not_ready", "plan.json"))
	ready := strconv.Quote(testdataPath(t, "ready", "plan.json"))
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `
resource "terraform_data" "app" {
  input = data.readiness_plan.p.ready
}

data "readiness_plan" "p" {
  path    = ` + notReady + `
  fail_on = "high"
}`,
				// Most severe first, each with its address, remediation and
				// evidence; medium failures (the missing alarm among them)
				// are not errors.
				ExpectError: regexp.MustCompile(`(?s)Error: Readiness Check Failed: aws_rds_public_access.*` +
					words("aws_db_instance.reports: the instance is reachable from the internet.") + `.*` +
					words("publicly_accessible = true") + `.*` +
					`Error: Readiness Check Failed: aws_rds_multi_az.*` + words("multi_az = false") + `.*` +
					`Error: Readiness Check Failed: instance_burstable_database.*` +
					`Error: Readiness Check Failed: aws_rds_backup_retention.*` +
					`Error: Readiness Check Failed: aws_rds_storage_encrypted`),
			},
			{
				Config: `data "readiness_plan" "p" {
  path    = ` + ready + `
  fail_on = "low"
}`,
				ExpectError: regexp.MustCompile(`Readiness Check Failed: aws_s3_replication`),
			},
		},
	})
}

// TestAccPlanDataSourceCheckBlock: inside a check block the same errors are
// warnings: the plan and apply go ahead.
func TestAccPlanDataSourceCheckBlock(t *testing.T) {
	notReady := strconv.Quote(testdataPath(t, "not_ready", "plan.json"))
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "app" {
  input = "deployed"
}

check "readiness" {
  data "readiness_plan" "p" {
    path    = ` + notReady + `
    fail_on = "high"
  }

  assert {
    condition     = data.readiness_plan.p.ready
    error_message = join("\n", data.readiness_plan.p.failures)
  }
}`,
			Check: resource.TestCheckResourceAttr("terraform_data.app", "output", "deployed"),
			// Terraform reads data sources in check blocks again at every
			// apply, so a plan is never empty.
			ExpectNonEmptyPlan: true,
		}},
	})
}

func TestAccPlanDataSourceErrors(t *testing.T) {
	ready := strconv.Quote(testdataPath(t, "ready", "plan.json"))
	tests := map[string]struct {
		config string
		want   string
	}{
		"neither":         {`data "readiness_plan" "p" {}`, `Invalid Plan Source`},
		"both":            {`data "readiness_plan" "p" {` + "\n" + `path = ` + ready + "\n" + `json = "{}"` + "\n}", `Invalid Plan Source`},
		"missing file":    {`data "readiness_plan" "p" { path = "no/such/plan.json" }`, `(?s)Unreadable Plan.*` + words("read no/such/plan.json: no such file")},
		"not a plan":      {`data "readiness_plan" "p" { json = "{\"a\": 1}" }`, `(?s)Unreadable Plan.*` + words("not a Terraform JSON plan or state")},
		"invalid JSON":    {`data "readiness_plan" "p" { json = "{" }`, `(?s)Unreadable Plan.*read json:`},
		"zip magic json":  {`data "readiness_plan" "p" { json = "PK\u0003\u0004rest-of-zip" }`, `(?s)Unreadable Plan.*` + words("read json: not JSON: this is a binary plan file")},
		"invalid profile": {`data "readiness_plan" "p" {` + "\n" + `path = ` + ready + "\n" + `profile = "beta"` + "\n}", `Invalid Readiness Profile`},
		"invalid fail_on": {`data "readiness_plan" "p" {` + "\n" + `path = ` + ready + "\n" + `fail_on = "urgent"` + "\n}", `Invalid Fail-On Level`},
		"misspelt gate": {
			`data "readiness_plan" "p" {` + "\n" + `path = ` + ready + "\n" + `gate = "introducd"` + "\n}",
			`(?s)Invalid Gate.*` + words(`or remove it to use all. Did you mean "introduced"?`) + `.*Got: "introducd"`,
		},
		"invalid gate": {`data "readiness_plan" "p" {` + "\n" + `path = ` + ready + "\n" + `gate = "new"` + "\n}", `(?s)Invalid Gate.*Got: "new"`},
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

// TestAccPlanDataSourceProviderSettings: the provider's profile, fail_on and
// disabled_checks apply to the data source unless it overrides them.
func TestAccPlanDataSourceProviderSettings(t *testing.T) {
	notReady := strconv.Quote(testdataPath(t, "not_ready", "plan.json"))
	const ds = "data.readiness_plan.p"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: fmt.Sprintf(`
provider "readiness" {
  fail_on         = "critical"
  disabled_checks = ["aws_rds_public_access"]
}

data "readiness_plan" "p" { path = %s }
`, notReady),
				Check: resource.ComposeAggregateTestCheckFunc(
					// Without its only critical failure, the plan is ready at critical.
					resource.TestCheckResourceAttr(ds, "ready", "true"),
					resource.TestMatchResourceAttr(ds, "summary", regexp.MustCompile(`^Ready: no failure at or above critical`)),
					func(s *terraform.State) error { return noResult(s, ds, "aws_rds_public_access") },
				),
			},
			{
				Config: fmt.Sprintf(`
provider "readiness" {
  fail_on = "critical"
}

data "readiness_plan" "p" {
  path    = %s
  fail_on = "low"
}
`, notReady),
				ExpectError: regexp.MustCompile(`Readiness Check Failed: aws_rds_deletion_protection`),
			},
		},
	})
}

// TestAccPlanDataSourceConfigFile: the provider's config_file applies to the
// data sources as .readiness.hcl applies to readiness scan: its profile and
// fail_on, disabled checks and waivers.
func TestAccPlanDataSourceConfigFile(t *testing.T) {
	notReady := strconv.Quote(testdataPath(t, "not_ready", "plan.json"))
	const ds = "data.readiness_plan.p"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `
provider "readiness" {
  config_file = ` + strconv.Quote(testdataPath(t, "readiness.hcl")) + `
}

data "readiness_plan" "p" { path = ` + notReady + ` }
`,
				Check: resource.ComposeAggregateTestCheckFunc(
					// Its only critical failure is waived: ready at the file's fail_on critical.
					resource.TestCheckResourceAttr(ds, "ready", "true"),
					resource.TestCheckTypeSetElemNestedAttrs(ds, "results.*", map[string]string{
						"check_id": "aws_rds_public_access", "status": "waived", "address": "aws_db_instance.reports",
					}),
					resource.TestMatchResourceAttr(ds, "summary", regexp.MustCompile(`^Ready: no failure at or above critical .*1 waived\); .* under the staging profile\.$`)),
					func(s *terraform.State) error { return noResult(s, ds, "aws_rds_multi_az") },
				),
			},
		},
	})
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: `
provider "readiness" {
  config_file = ` + strconv.Quote(testdataPath(t, "bad_config", "readiness.hcl")) + `
}

data "readiness_plan" "p" { path = ` + notReady + ` }
`,
				ExpectError: regexp.MustCompile(`(?s)Invalid Readiness Configuration.*` + words("readiness.hcl:1,11-17: Invalid profile")),
			},
		},
	})
}

// TestAccPlanDataSourceGate: gate = "introduced" lets only the failures the
// plan introduces decide ready, failures and the errors of fail_on; those
// there before it stay in results. testdata/change holds plans of three
// databases: aws_db_instance.legacy single-AZ without backups before and
// after (no-op), aws_db_instance.reports made Multi-AZ with backups
// (update), and in regresses.json aws_db_instance.orders, whose Multi-AZ
// standby the plan removes.
func TestAccPlanDataSourceGate(t *testing.T) {
	fixes := strconv.Quote(testdataPath(t, "change", "fixes.json"))
	regresses := strconv.Quote(testdataPath(t, "change", "regresses.json"))
	const ds = "data.readiness_plan.p"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				// The default gate, all: the failures there before block.
				Config: `data "readiness_plan" "p" { path = ` + fixes + ` }`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(ds, "ready", "false"),
					resource.TestCheckNoResourceAttr(ds, "gate"),
					resource.TestCheckTypeSetElemAttr(ds, "failures.*",
						"aws_db_instance.legacy: aws_rds_multi_az (high): the instance runs in a single Availability Zone: an AZ outage takes the database down"),
					resource.TestMatchResourceAttr(ds, "summary", regexp.MustCompile(`^Not ready: 2 failures at or above high .* profile\.$`)),
				),
			},
			{
				Config: `data "readiness_plan" "p" {
  path = ` + fixes + `
  gate = "introduced"
}`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(ds, "ready", "true"),
					resource.TestCheckResourceAttr(ds, "gate", "introduced"),
					resource.TestCheckResourceAttr(ds, "failures.#", "0"),
					resource.TestCheckTypeSetElemNestedAttrs(ds, "results.*", map[string]string{
						"check_id": "aws_rds_multi_az", "status": "fail", "address": "aws_db_instance.legacy", "change": "existing",
					}),
					resource.TestMatchResourceAttr(ds, "summary", regexp.MustCompile(
						`^Ready: no failure at or above high .* Gate introduced: only the failures the plan introduces count; \d+ were there before it and do not\.$`)),
				),
			},
			{
				// With fail_on set, only what the plan introduces is an error.
				Config: `data "readiness_plan" "p" {
  path    = ` + fixes + `
  gate    = "INTRODUCED"
  fail_on = "high"
}`,
				Check: resource.TestCheckResourceAttr(ds, "ready", "true"),
			},
			{
				Config: `data "readiness_plan" "p" {
  path = ` + regresses + `
  gate = "introduced"
}`,
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckResourceAttr(ds, "ready", "false"),
					resource.TestCheckTypeSetElemNestedAttrs(ds, "results.*", map[string]string{
						"check_id": "aws_rds_multi_az", "status": "fail", "address": "aws_db_instance.orders", "change": "introduced",
					}),
				),
			},
			{
				Config: `data "readiness_plan" "p" {
  path    = ` + regresses + `
  gate    = "introduced"
  fail_on = "high"
}`,
				ExpectError: regexp.MustCompile(`(?s)Readiness Check Failed: aws_rds_multi_az.*` + words("aws_db_instance.orders: the instance runs in a single Availability Zone") +
					`.*` + words("multi_az = true → false")),
			},
		},
	})
}

// TestAccPlanDataSourceGateFromConfigFile: the configuration file's gate is
// readiness_plan's default; the attribute wins.
func TestAccPlanDataSourceGateFromConfigFile(t *testing.T) {
	fixes := strconv.Quote(testdataPath(t, "change", "fixes.json"))
	provider := `provider "readiness" {
  config_file = ` + strconv.Quote(testdataPath(t, "change", "gate.hcl")) + `
}
`
	const ds = "data.readiness_plan.p"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: provider + `data "readiness_plan" "p" { path = ` + fixes + ` }`,
				Check:  resource.TestCheckResourceAttr(ds, "ready", "true"),
			},
			{
				Config: provider + `data "readiness_plan" "p" {
  path = ` + fixes + `
  gate = "all"
}`,
				Check: resource.TestCheckResourceAttr(ds, "ready", "false"),
			},
		},
	})
}

// TestAccPlanDataSourceErroredPlan: a plan Terraform could not finish but
// saved all the same (errored) is not ready, whatever its results say, as
// readiness scan exits 1 on it.
func TestAccPlanDataSourceErroredPlan(t *testing.T) {
	errored := strconv.Quote(testdataPath(t, "..", "..", "internal", "cli", "testdata", "errored", "plan.json"))
	const ds = "data.readiness_plan.p"
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testProviderFactories,
		Steps: []resource.TestStep{{
			Config: `data "readiness_plan" "p" { path = ` + errored + ` }`,
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckResourceAttr(ds, "ready", "false"),
				resource.TestCheckResourceAttr(ds, "failures.#", "0"),
				resource.TestMatchResourceAttr(ds, "summary", regexp.MustCompile(
					`^Undecided: no failure at or above high, but part of the input was not judged .* 1 error: .*plan\.json: Terraform recorded that planning failed \(errored\): the plan is incomplete, and what planning did not reach was not judged\.$`)),
			),
		}},
	})
}

// TestPlanWarnings: a plan made with -target says it is incomplete, and
// the data source passes that on as a warning, as readiness scan does.
func TestPlanWarnings(t *testing.T) {
	t.Parallel()
	path := testdataPath(t, "..", "..", "internal", "cli", "testdata", "targeted", "plan.json")
	p, err := input.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.Diagnostics
	planWarnings(&diags, p)
	if len(diags) != 1 || diags[0].Severity() != diag.SeverityWarning || diags[0].Summary() != "Plan Partly Judged" ||
		!strings.Contains(diags[0].Detail(), path+" is an incomplete plan: Terraform planned part of the configuration") {
		t.Errorf("diagnostics: %v", diags)
	}
	diags = nil
	if p, err = input.Read(testdataPath(t, "ready", "plan.json")); err != nil {
		t.Fatal(err)
	}
	if planWarnings(&diags, p); len(diags) != 0 {
		t.Errorf("a complete plan warns: %v", diags)
	}
}
