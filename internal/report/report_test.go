package report

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const docs = "https://github.com/prodready/terraform-provider-readiness/blob/main/docs/checks/"

// emptyReport is a run over no resources, built with nil lists as a caller
// other than the engine might leave them.
func emptyReport() *engine.Report {
	return &engine.Report{
		Profile: "production",
		FailOn:  check.AtLeast(check.SeverityHigh),
		Summary: engine.Summary{Ready: true, Score: 100},
	}
}

// mixedReport has two inputs, three sections, every status, evidence, a
// finding about a whole plan and one the checks could not judge.
func mixedReport() *engine.Report {
	return &engine.Report{
		Profile: "production",
		FailOn:  check.AtLeast(check.SeverityHigh),
		Inputs: []engine.Input{
			{Path: "testdata/prod.json", Kind: "plan", TerraformVersion: "1.8.5", FormatVersion: "1.2"},
			{Path: "testdata/edge.json", Kind: "plan", TerraformVersion: "1.9.0", FormatVersion: "1.2"},
		},
		Summary: engine.Summary{
			Ready: false, Score: 43, Fail: 4, Pass: 3, Unknown: 2, Waived: 0,
			Sections: []engine.SectionSummary{
				{Section: "alerts_metrics", Fail: 1, Pass: 0, Unknown: 0, Score: 0},
				{Section: "deployment", Fail: 2, Pass: 1, Unknown: 1, Score: 33},
				{Section: "security", Fail: 1, Pass: 2, Unknown: 1, Score: 67},
			},
		},
		Results: []engine.Result{
			{
				CheckID: "RDY_ALARM_PRESENT", Title: "A metric alarm watches the plan's resources",
				Section: "alerts_metrics", Category: "alarm", Severity: check.SeverityHigh, Status: check.StatusFail,
				Input: "testdata/edge.json", Message: "No aws_cloudwatch_metric_alarm in this plan.",
				Remediation: "Add CloudWatch alarms for CPU, memory and availability.", Docs: docs + "rdy_alarm_present.md",
			},
			{
				CheckID: "RDY_ASG_HEALTH_CHECK", Title: "Auto Scaling groups use load balancer health checks",
				Section: "deployment", Category: "health_check", Severity: check.SeverityMedium, Status: check.StatusFail,
				Input: "testdata/prod.json", Address: "aws_autoscaling_group.web", ResourceType: "aws_autoscaling_group",
				Message:     "health_check_type is EC2: instances failing behind the load balancer are not replaced.",
				Evidence:    []check.Evidence{{Attribute: "health_check_type", Value: `"EC2"`}},
				Remediation: `Set health_check_type = "ELB".`, Docs: docs + "rdy_asg_health_check.md",
			},
			{
				CheckID: "RDY_RDS_MULTI_AZ", Title: "RDS instances are Multi-AZ",
				Section: "deployment", Category: "multi_az", Severity: check.SeverityHigh, Status: check.StatusFail,
				Input: "testdata/prod.json", Address: `module.app["blue"].aws_db_instance.main[0]`, ResourceType: "aws_db_instance",
				Message: "The instance runs in one availability zone.",
				Evidence: []check.Evidence{
					{Attribute: "multi_az", Value: "false"},
					{Attribute: "instance_class", Value: `"db.r6g.large"`},
				},
				Remediation: "Set multi_az = true.", Docs: docs + "rdy_rds_multi_az.md",
			},
			{
				CheckID: "RDY_RDS_MULTI_AZ", Title: "RDS instances are Multi-AZ",
				Section: "deployment", Category: "multi_az", Severity: check.SeverityHigh, Status: check.StatusPass,
				Input: "testdata/prod.json", Address: `module.app["green"].aws_db_instance.main[0]`, ResourceType: "aws_db_instance",
				Message:     "The instance has a standby in a second availability zone.",
				Evidence:    []check.Evidence{{Attribute: "multi_az", Value: "true"}},
				Remediation: "Set multi_az = true.", Docs: docs + "rdy_rds_multi_az.md",
			},
			{
				CheckID: "RDY_ASG_MULTI_AZ", Title: "Auto Scaling groups span two or more availability zones",
				Section: "deployment", Category: "multi_az", Severity: check.SeverityHigh, Status: check.StatusUnknown,
				Input: "testdata/prod.json", Address: "aws_autoscaling_group.web", ResourceType: "aws_autoscaling_group",
				Message:     "The subnets are known only after apply.",
				Evidence:    []check.Evidence{{Attribute: "vpc_zone_identifier", Value: "(known after apply)"}},
				Remediation: "Spread the group over subnets in two or more availability zones.", Docs: docs + "rdy_asg_multi_az.md",
			},
			{
				CheckID: "RDY_RDS_ENCRYPTED", Title: "RDS storage is encrypted",
				Section: "security", Category: "encryption_at_rest", Severity: check.SeverityCritical, Status: check.StatusFail,
				Input: "testdata/prod.json", Address: `module.app["blue"].aws_db_instance.main[0]`, ResourceType: "aws_db_instance",
				Message:     "Storage is not encrypted.",
				Evidence:    []check.Evidence{{Attribute: "storage_encrypted", Value: "false"}},
				Remediation: "Set storage_encrypted = true.", Docs: docs + "rdy_rds_encrypted.md",
			},
			{
				CheckID: "RDY_RDS_PUBLIC", Title: "RDS instances are not publicly accessible",
				Section: "security", Category: "public_access", Severity: check.SeverityCritical, Status: check.StatusPass,
				Input: "testdata/prod.json", Address: `module.app["blue"].aws_db_instance.main[0]`, ResourceType: "aws_db_instance",
				Evidence:    []check.Evidence{{Attribute: "publicly_accessible", Value: "false"}},
				Remediation: "Set publicly_accessible = false.", Docs: docs + "rdy_rds_public.md",
			},
			{
				CheckID: "RDY_RDS_PUBLIC", Title: "RDS instances are not publicly accessible",
				Section: "security", Category: "public_access", Severity: check.SeverityCritical, Status: check.StatusPass,
				Input: "testdata/prod.json", Address: `module.app["green"].aws_db_instance.main[0]`, ResourceType: "aws_db_instance",
				Remediation: "Set publicly_accessible = false.", Docs: docs + "rdy_rds_public.md",
			},
			{
				CheckID: "RDY_S3_ENCRYPTED", Title: "S3 buckets are encrypted with a customer key",
				Section: "security", Category: "encryption_at_rest", Severity: check.SeverityMedium, Status: check.StatusUnknown,
				Input: "testdata/edge.json", Address: "aws_s3_bucket.logs", ResourceType: "aws_s3_bucket",
				Message:     "The bucket's encryption configuration lies outside this plan.",
				Remediation: "Add an aws_s3_bucket_server_side_encryption_configuration.", Docs: docs + "rdy_s3_encrypted.md",
			},
		},
		Errors: []string{"check RDY_LB_TLS could not judge testdata/edge.json aws_lb_listener.https: internal error: index out of range"},
	}
}

// readyReport passes at fail-on high despite a low failure.
func readyReport() *engine.Report {
	return &engine.Report{
		Profile: "staging",
		FailOn:  check.AtLeast(check.SeverityHigh),
		Inputs:  []engine.Input{{Path: "plan.json", Kind: "plan", TerraformVersion: "1.8.5", FormatVersion: "1.2"}},
		Summary: engine.Summary{
			Ready: true, Score: 50, Fail: 1, Pass: 1,
			Sections: []engine.SectionSummary{{Section: "observability", Fail: 1, Pass: 1, Score: 50}},
		},
		Results: []engine.Result{
			{
				CheckID: "RDY_LOG_RETENTION", Title: "Log groups keep logs long enough",
				Section: "observability", Category: "logging", Severity: check.SeverityLow, Status: check.StatusFail,
				Input: "plan.json", Address: "aws_cloudwatch_log_group.app", ResourceType: "aws_cloudwatch_log_group",
				Message:     "Logs are kept forever: set a retention.",
				Evidence:    []check.Evidence{{Attribute: "retention_in_days", Value: "0"}},
				Remediation: "Set retention_in_days.", Docs: docs + "rdy_log_retention.md",
			},
			{
				CheckID: "RDY_LOG_RETENTION", Title: "Log groups keep logs long enough",
				Section: "observability", Category: "logging", Severity: check.SeverityLow, Status: check.StatusPass,
				Input: "plan.json", Address: "aws_cloudwatch_log_group.audit", ResourceType: "aws_cloudwatch_log_group",
				Evidence:    []check.Evidence{{Attribute: "retention_in_days", Value: "365"}},
				Remediation: "Set retention_in_days.", Docs: docs + "rdy_log_retention.md",
			},
		},
	}
}

// undecidedReport has no blocking failure but an error: part of the plan
// was not judged, so the human formats do not call it ready.
func undecidedReport() *engine.Report {
	rep := readyReport()
	rep.Errors = []string{"plan.json: Terraform recorded that planning failed (errored): the plan is incomplete, and what planning did not reach was not judged"}
	return rep
}

// ciReport exercises what the CI formats add: check metadata for SARIF
// rules, every status including waived, source locations, a whole-plan
// finding, errors, and text that each format must escape (Markdown pipes
// and backticks, HTML tags, workflow-command %, newlines, colons, commas).
func ciReport() *engine.Report {
	const input = "infra/plan.json"
	return &engine.Report{
		Profile: "production",
		FailOn:  check.AtLeast(check.SeverityHigh),
		Inputs:  []engine.Input{{Path: input, Kind: "plan", TerraformVersion: "1.8.5", FormatVersion: "1.2"}},
		Summary: engine.Summary{
			Ready: false, Score: 40, Fail: 3, Pass: 2, Unknown: 1, Waived: 1,
			Sections: []engine.SectionSummary{
				{Section: "deployment", Fail: 1, Pass: 1, Unknown: 1, Score: 50},
				{Section: "disaster_recovery", Fail: 1, Pass: 0, Unknown: 0, Score: 0},
				{Section: "security", Fail: 1, Pass: 1, Unknown: 0, Score: 50},
			},
		},
		Checks: []check.Meta{
			{
				ID: "aws_rds_multi_az", Aliases: []string{"RDY_RDS_MULTI_AZ"}, Title: "RDS instance has a Multi-AZ standby",
				Section: "deployment", Category: "multi_az", Severity: check.SeverityHigh, Cloud: "aws",
				ResourceTypes: []string{"aws_db_instance"},
				Description:   "A single-AZ database goes down with its Availability Zone.",
				Remediation:   "Set multi_az = true.",
				Example:       "resource \"aws_db_instance\" \"main\" {\n  multi_az = true\n}",
			},
			{
				ID: "aws_asg_multi_az", Title: "Auto Scaling group spans two or more AZs",
				Section: "deployment", Category: "multi_az", Severity: check.SeverityMedium, Cloud: "aws",
				ResourceTypes: []string{"aws_autoscaling_group"},
				Description:   "Instances in one AZ all fail together.",
				Remediation:   "Use subnets in two or more AZs.",
			},
			{
				ID: "plan_destroys_data", Title: "The plan destroys no stateful resource",
				Section: "disaster_recovery", Category: "destructive_change", Severity: check.SeverityCritical,
				Description: "Replacing a database loses its data.",
				Remediation: "Add lifecycle { prevent_destroy = true } and plan the migration.",
			},
			{
				ID: "aws_s3_encryption_at_rest", Title: "S3 bucket encrypts objects at rest",
				Section: "security", Category: "encryption_at_rest", Severity: check.SeverityLow, Cloud: "aws",
				ResourceTypes: []string{"aws_s3_bucket"},
				Description:   "Unencrypted objects are readable from stolen media.",
				Remediation:   "Add an aws_s3_bucket_server_side_encryption_configuration.",
			},
			{
				ID: "aws_rds_public_access", Title: "RDS instance is not publicly accessible",
				Section: "security", Category: "public_access", Severity: check.SeverityCritical, Cloud: "aws",
				ResourceTypes: []string{"aws_db_instance"},
				Description:   "A public database is one leaked password away from a breach.",
				Remediation:   "Set publicly_accessible = false.",
			},
			{
				ID: "aws_lambda_tracing", Title: "Lambda function has tracing on",
				Section: "observability", Category: "tracing", Severity: check.SeverityLow, Cloud: "aws",
				ResourceTypes: []string{"aws_lambda_function"},
				Description:   "Without traces a slow call has no culprit.",
				Remediation:   "Set tracing_config { mode = \"Active\" }.",
			},
		},
		Results: []engine.Result{
			{
				CheckID: "aws_rds_multi_az", Title: "RDS instance has a Multi-AZ standby",
				Section: "deployment", Category: "multi_az", Severity: check.SeverityHigh, Status: check.StatusFail,
				Input: input, Address: `module.app["blue"].aws_db_instance.main[0]`, ResourceType: "aws_db_instance",
				Message: "100% of the load sits in one AZ: eu-west-1a, then nothing\nsecond line | with a pipe, `ticks` and <b>tags</b> for @oncall",
				Evidence: []check.Evidence{
					{Attribute: "multi_az", Value: "false"},
					{Attribute: "tags", Value: `{"team":"a|b","note":"` + "``" + `x"}`},
				},
				Remediation: "Set multi_az = true.", Docs: check.DocsBase + "aws_rds_multi_az.md",
			},
			{
				CheckID: "aws_asg_multi_az", Title: "Auto Scaling group spans two or more AZs",
				Section: "deployment", Category: "multi_az", Severity: check.SeverityMedium, Status: check.StatusUnknown,
				Input: input, Address: "aws_autoscaling_group.web", ResourceType: "aws_autoscaling_group",
				Message:     "The subnets are known only after apply.",
				Evidence:    []check.Evidence{{Attribute: "vpc_zone_identifier", Value: "(known after apply)"}},
				Remediation: "Use subnets in two or more AZs.", Docs: check.DocsBase + "aws_asg_multi_az.md",
			},
			{
				CheckID: "aws_rds_multi_az", Title: "RDS instance has a Multi-AZ standby",
				Section: "deployment", Category: "multi_az", Severity: check.SeverityHigh, Status: check.StatusPass,
				Input: input, Address: `module.app["green"].aws_db_instance.main[0]`, ResourceType: "aws_db_instance",
				Message:     "The instance has a standby.",
				Evidence:    []check.Evidence{{Attribute: "multi_az", Value: "true"}},
				Remediation: "Set multi_az = true.", Docs: check.DocsBase + "aws_rds_multi_az.md",
			},
			{
				CheckID: "plan_destroys_data", Title: "The plan destroys no stateful resource",
				Section: "disaster_recovery", Category: "destructive_change", Severity: check.SeverityCritical, Status: check.StatusFail,
				Input: input, Message: "The plan replaces 1 database, 0 buckets.",
				Remediation: "Add lifecycle { prevent_destroy = true } and plan the migration.", Docs: check.DocsBase + "plan_destroys_data.md",
			},
			{
				CheckID: "aws_s3_encryption_at_rest", Title: "S3 bucket encrypts objects at rest",
				Section: "security", Category: "encryption_at_rest", Severity: check.SeverityLow, Status: check.StatusFail,
				Input: input, Address: "aws_s3_bucket.logs", ResourceType: "aws_s3_bucket",
				Message:     "No server-side encryption configuration names this bucket.",
				Remediation: "Add an aws_s3_bucket_server_side_encryption_configuration.", Docs: check.DocsBase + "aws_s3_encryption_at_rest.md",
			},
			{
				CheckID: "aws_s3_encryption_at_rest", Title: "S3 bucket encrypts objects at rest",
				Section: "security", Category: "encryption_at_rest", Severity: check.SeverityLow, Status: check.StatusWaived,
				Input: input, Address: "aws_s3_bucket.public_assets", ResourceType: "aws_s3_bucket",
				Message:     "waived until 2026-06-30: public assets, nothing secret (OPS-42)",
				Remediation: "Add an aws_s3_bucket_server_side_encryption_configuration.", Docs: check.DocsBase + "aws_s3_encryption_at_rest.md",
			},
			{
				CheckID: "aws_rds_public_access", Title: "RDS instance is not publicly accessible",
				Section: "security", Category: "public_access", Severity: check.SeverityCritical, Status: check.StatusPass,
				Input: input, Address: `module.app["blue"].aws_db_instance.main[0]`, ResourceType: "aws_db_instance",
				Evidence:    []check.Evidence{{Attribute: "publicly_accessible", Value: "false"}},
				Remediation: "Set publicly_accessible = false.", Docs: check.DocsBase + "aws_rds_public_access.md",
			},
		},
		Errors: []string{"check aws_lambda_tracing could not judge infra/plan.json aws_lambda_function.api: internal error: 50% done, then: boom"},
	}
}

// hugeReport has n results over every section, status and severity, with
// long messages and evidence: far more than a pull-request comment holds.
func hugeReport(n int) *engine.Report {
	rep := &engine.Report{Profile: "production", FailOn: check.AtLeast(check.SeverityHigh),
		Inputs: []engine.Input{{Path: "big.json", Kind: "plan", TerraformVersion: "1.8.5", FormatVersion: "1.2"}}}
	statuses := []check.Status{check.StatusFail, check.StatusFail, check.StatusUnknown, check.StatusPass, check.StatusWaived}
	sections := map[string]*engine.SectionSummary{}
	for i := range n {
		sec := check.Sections[i%len(check.Sections)]
		st := statuses[i%len(statuses)]
		r := engine.Result{
			CheckID: fmt.Sprintf("check_%03d", i%97), Title: "A check with a title",
			Section: sec, Category: "multi_az", Severity: check.Severity(1 + i%4), Status: st,
			Input: "big.json", Address: fmt.Sprintf("module.m%d.aws_db_instance.db[%d]", i%13, i), ResourceType: "aws_db_instance",
			Message:     strings.Repeat("This message is long on purpose | `x` <y>. ", 4),
			Evidence:    []check.Evidence{{Attribute: "tags", Value: strings.Repeat(`{"k":"v"}`, 40)}},
			Remediation: "Fix it.", Docs: check.DocsBase + "x.md",
		}
		rep.Results = append(rep.Results, r)
		ss := sections[sec]
		if ss == nil {
			ss = &engine.SectionSummary{Section: sec}
			sections[sec] = ss
		}
		switch st {
		case check.StatusFail:
			rep.Summary.Fail++
			ss.Fail++
		case check.StatusPass:
			rep.Summary.Pass++
			ss.Pass++
		case check.StatusUnknown:
			rep.Summary.Unknown++
			ss.Unknown++
		case check.StatusWaived:
			rep.Summary.Waived++
		}
	}
	for _, sec := range check.Sections {
		if ss := sections[sec]; ss != nil {
			rep.Summary.Sections = append(rep.Summary.Sections, *ss)
		}
	}
	rep.Summary.Score = 40
	for i := range 50 {
		rep.Errors = append(rep.Errors, fmt.Sprintf("check check_%03d could not judge big.json: internal error %d", i, i))
	}
	return rep
}

// locateCI is what internal/source finds for ciReport's configuration.
func locateCI(input, address string) (string, int, bool) {
	at := map[string]struct {
		file string
		line int
	}{
		`module.app["blue"].aws_db_instance.main[0]`:  {"infra/modules/db/main.tf", 5},
		`module.app["green"].aws_db_instance.main[0]`: {"infra/modules/db/main.tf", 5},
		"aws_autoscaling_group.web":                   {"infra/main.tf", 12},
		"aws_s3_bucket.logs":                          {"infra/storage, logs.tf", 3},
	}
	loc, ok := at[address]
	if input != "infra/plan.json" || !ok {
		return "", 0, false
	}
	return loc.file, loc.line, true
}

func TestFormatsGolden(t *testing.T) {
	t.Parallel()
	type goldenCase struct {
		format string
		opts   Options
		rep    *engine.Report
	}
	tests := map[string]goldenCase{
		"json_empty":       {format: "json", opts: Options{ToolVersion: "1.2.3"}, rep: emptyReport()},
		"json_mixed":       {format: "json", opts: Options{ToolVersion: "1.2.3"}, rep: mixedReport()},
		"json_ready":       {format: "json", opts: Options{ToolVersion: "dev", Color: true}, rep: readyReport()},
		"text_empty":       {format: "text", rep: emptyReport()},
		"text_mixed":       {format: "text", rep: mixedReport()},
		"text_mixed_color": {format: "text", opts: Options{Color: true}, rep: mixedReport()},
		"text_ready":       {format: "text", rep: readyReport()},
		"text_ci":          {format: "text", opts: Options{Locate: locateCI}, rep: ciReport()},
		// Locations never reach the JSON contract.
		"json_ci": {format: "json", opts: Options{ToolVersion: "1.2.3", Locate: locateCI}, rep: ciReport()},
	}
	// Control characters and workflow commands in every string, in the
	// formats people and CI logs read.
	for _, format := range []string{"github", "gitlab", "junit", "markdown", "text"} {
		tests[format+"_hostile"] = goldenCase{format: format, opts: Options{ToolVersion: "1.2.3", Locate: locateHostile}, rep: hostileReport()}
	}
	// Every other format over every report; the CI report with locations.
	for _, format := range []string{"github", "gitlab", "html", "junit", "markdown", "sarif"} {
		tests[format+"_empty"] = goldenCase{format: format, opts: Options{ToolVersion: "1.2.3"}, rep: emptyReport()}
		tests[format+"_mixed"] = goldenCase{format: format, opts: Options{ToolVersion: "1.2.3"}, rep: mixedReport()}
		tests[format+"_ready"] = goldenCase{format: format, opts: Options{ToolVersion: "dev"}, rep: readyReport()}
		tests[format+"_ci"] = goldenCase{format: format, opts: Options{ToolVersion: "1.2.3", Locate: locateCI}, rep: ciReport()}
	}
	// The verdict's words and counts: --fail-on none over failures, and a
	// run whose failures are baselined or waived; --quiet.
	for _, format := range []string{"html", "markdown", "text"} {
		tests[format+"_not_enforced"] = goldenCase{format: format, opts: Options{ToolVersion: "1.2.3"}, rep: notEnforcedReport()}
		tests[format+"_baseline"] = goldenCase{format: format, opts: Options{ToolVersion: "1.2.3", Locate: locateCI}, rep: baselineReport()}
		tests[format+"_undecided"] = goldenCase{format: format, opts: Options{ToolVersion: "1.2.3"}, rep: undecidedReport()}
	}
	tests["text_ci_quiet"] = goldenCase{format: "text", opts: Options{Quiet: true, Locate: locateCI}, rep: ciReport()}
	// A directory read without some of its modules and variables: the
	// warnings beside the verdict, in every format.
	for _, format := range Names() {
		tests[format+"_warnings"] = goldenCase{format: format, opts: Options{ToolVersion: "1.2.3"}, rep: warningsReport()}
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f, err := Lookup(tt.format, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := f.Write(&buf, tt.rep); err != nil {
				t.Fatalf("Write: %v", err)
			}
			golden := filepath.Join("testdata", name+".golden")
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), buf.String()); diff != "" {
				t.Errorf("output differs from %s (-want +got):\n%s", golden, diff)
			}
		})
	}
}

func TestJSONNeverNull(t *testing.T) {
	t.Parallel()
	tests := map[string]*engine.Report{
		"empty": emptyReport(),
		"mixed": mixedReport(),
		"ready": readyReport(),
	}
	for name, rep := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			if err := (jsonFormat{}).Write(&buf, rep); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(buf.String(), "null") {
				t.Errorf("JSON output contains null:\n%s", buf.String())
			}
		})
	}
}

func TestTextWithoutColorHasNoEscapes(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := (textFormat{}).Write(&buf, mixedReport()); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "\x1b[") {
		t.Errorf("text output without colour contains ANSI escapes:\n%q", buf.String())
	}
}

func TestLookup(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		name    string
		wantErr string
	}{
		"text":    {name: "text"},
		"json":    {name: "json"},
		"unknown": {name: "yaml", wantErr: `unknown format "yaml" (want github, gitlab, html, json, junit, markdown, sarif, text)`},
		"case":    {name: "JSON", wantErr: `unknown format "JSON" (want github, gitlab, html, json, junit, markdown, sarif, text)`},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f, err := Lookup(tt.name, Options{})
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("Lookup(%q) error = %v, want %q", tt.name, err, tt.wantErr)
				}
				return
			}
			if err != nil || f == nil {
				t.Fatalf("Lookup(%q) = %v, %v", tt.name, f, err)
			}
		})
	}
}

func TestNames(t *testing.T) {
	t.Parallel()
	if diff := cmp.Diff([]string{"github", "gitlab", "html", "json", "junit", "markdown", "sarif", "text"}, Names()); diff != "" {
		t.Errorf("Names() (-want +got):\n%s", diff)
	}
}
