package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// warningsReport is a directory scan that is ready for what it read: a
// module call was not read and a variable has no value.
func warningsReport() *engine.Report {
	return &engine.Report{
		Profile: "production",
		FailOn:  check.AtLeast(check.SeverityHigh),
		Inputs:  []engine.Input{{Path: "infra", Kind: "config"}},
		Summary: engine.Summary{
			Ready: true, Score: 100, Pass: 1,
			Sections: []engine.SectionSummary{{Section: "deployment", Pass: 1, Score: 100}},
		},
		Results: []engine.Result{{
			CheckID: "aws_rds_multi_az", Title: "RDS instance has a Multi-AZ standby",
			Section: "deployment", Category: "multi_az", Severity: check.SeverityHigh, Status: check.StatusPass,
			Input: "infra", Address: "aws_db_instance.main", ResourceType: "aws_db_instance",
			Evidence: []check.Evidence{{Attribute: "multi_az", Value: "true"}}, Docs: check.DocsBase + "aws_rds_multi_az.md",
		}},
		Warnings: []string{
			`infra/main.tf:12: module.eks (source "terraform-aws-modules/eks/aws") is not installed by terraform init: not read, so the verdict does not cover its resources (to read it, run terraform init in infra)`,
			"infra/variables.tf:3: variable db_password has no value: what depends on it is unknown",
		},
	}
}

// TestWarningsBesideTheVerdict: each format says what the verdict does not
// cover, where its readers look first.
func TestWarningsBesideTheVerdict(t *testing.T) {
	t.Parallel()
	rep := warningsReport()
	write := func(t *testing.T, name string) string {
		t.Helper()
		f, err := Lookup(name, Options{ToolVersion: "1.2.3"})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := f.Write(&buf, rep); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	tests := map[string]func(t *testing.T, out string){
		"json": func(t *testing.T, out string) {
			var doc struct {
				Summary  struct{ Ready bool } `json:"summary"`
				Warnings []string             `json:"warnings"`
			}
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(rep.Warnings, doc.Warnings); diff != "" || !doc.Summary.Ready {
				t.Errorf("ready %t, warnings (-want +got):\n%s", doc.Summary.Ready, diff)
			}
		},
		"text": func(t *testing.T, out string) {
			lines := strings.Split(out, "\n")
			want := []string{
				"warnings (2): the verdict covers only what was read and known",
				"  " + rep.Warnings[0],
				"  " + rep.Warnings[1],
				"inputs: infra (config)",
			}
			if len(lines) < 6 || !strings.HasPrefix(lines[0], "READY  ") || !strings.HasPrefix(lines[1], "fail ") {
				t.Fatalf("text:\n%s", out)
			}
			if diff := cmp.Diff(want, lines[2:6]); diff != "" {
				t.Errorf("under the verdict line (-want +got):\n%s", diff)
			}
		},
		"sarif": func(t *testing.T, out string) {
			validateSARIF(t, []byte(out))
			var doc sarifLog
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatal(err)
			}
			want := []sarifNotification{
				{Level: "warning", Message: sarifText{Text: rep.Warnings[0]}},
				{Level: "warning", Message: sarifText{Text: rep.Warnings[1]}},
			}
			inv := doc.Runs[0].Invocations[0]
			if diff := cmp.Diff(want, inv.Notifications); diff != "" || !inv.ExecutionSuccessful {
				t.Errorf("successful %t, notifications (-want +got):\n%s", inv.ExecutionSuccessful, diff)
			}
		},
		"junit": func(t *testing.T, out string) {
			var doc junitSuites
			if err := xml.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatal(err)
			}
			last := doc.Suites[len(doc.Suites)-1]
			if last.Name != "warnings" || last.Skipped != 2 || len(last.Cases) != 2 || doc.Skipped != 2 ||
				last.Cases[1].Skipped.Message != "not judged: "+rep.Warnings[1] {
				t.Errorf("warnings suite = %+v", last)
			}
		},
		"markdown": func(t *testing.T, out string) {
			if !strings.Contains(out, "\n> [!WARNING]\n> The verdict covers only what was read and known (2 warnings):\n> - infra/main.tf:12: module.eks") ||
				!strings.Contains(out, "> - infra/variables.tf:3: variable db\\_password has no value") {
				t.Errorf("markdown:\n%s", out)
			}
		},
		"html": func(t *testing.T, out string) {
			head, _, _ := strings.Cut(out, "</header>")
			if !strings.Contains(head, "<strong>Warnings (2)</strong>: the verdict covers only what was read and known.") ||
				!strings.Contains(head, "variable db_password has no value") {
				t.Errorf("html header:\n%s", head)
			}
		},
		// A code quality issue is a finding at a line of code: what the
		// verdict does not cover is in the job's other reports and log.
		"gitlab": func(t *testing.T, out string) {
			var issues []gitlabIssue
			if err := json.Unmarshal([]byte(out), &issues); err != nil {
				t.Fatal(err)
			}
			for _, is := range issues {
				for _, w := range rep.Warnings {
					if strings.Contains(is.Description, w) {
						t.Errorf("a warning is a code quality issue: %+v", is)
					}
				}
			}
		},
		"github": func(t *testing.T, out string) {
			want := "::warning title=readiness%3A the verdict covers only what was read and known::infra/variables.tf:3: variable db_password has no value: what depends on it is unknown\n"
			if !strings.HasSuffix(out, want) || strings.Count(out, "::warning ") != 2 {
				t.Errorf("github:\n%s", out)
			}
		},
	}
	for _, name := range Names() {
		if tests[name] == nil {
			t.Errorf("no test of warnings in the %s format", name)
		}
	}
	for name, check := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			check(t, write(t, name))
		})
	}
}

// TestNoWarningsNoNotice: a report without warnings says nothing of them
// (but the JSON's empty list).
func TestNoWarningsNoNotice(t *testing.T) {
	t.Parallel()
	for _, name := range Names() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f, err := Lookup(name, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := f.Write(&buf, readyReport()); err != nil {
				t.Fatal(err)
			}
			got := strings.ToLower(buf.String())
			if name == "json" {
				if !strings.Contains(got, "\n  \"warnings\": [],\n") {
					t.Errorf("json has no empty warnings list:\n%s", got)
				}
				return
			}
			if strings.Contains(got, "covers only what was read") {
				t.Errorf("%s speaks of warnings:\n%s", name, got)
			}
		})
	}
}
