package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// policyReport has what a configuration adds to a report: a waived result
// and the manual checklist items, one attested.
func policyReport() *engine.Report {
	return &engine.Report{
		Profile: "production",
		FailOn:  check.AtLeast(check.SeverityHigh),
		Inputs:  []engine.Input{{Path: "plan.json", Kind: "plan", TerraformVersion: "1.8.5", FormatVersion: "1.2"}},
		Summary: engine.Summary{
			Ready: true, Score: 100, Pass: 1, Waived: 1,
			Sections: []engine.SectionSummary{{Section: "deployment", Pass: 1, Score: 100}},
		},
		Results: []engine.Result{
			{
				CheckID: "aws_rds_multi_az", Title: "RDS instance has a Multi-AZ standby",
				Section: "deployment", Category: "multi_az", Severity: check.SeverityHigh, Status: check.StatusWaived,
				Input: "plan.json", Address: `module.app["blue"].aws_db_instance.main`, ResourceType: "aws_db_instance",
				Message:     "waived by db-team until 2026-12-31: single-AZ until the Q3 migration [.readiness.hcl:14]; finding: the instance runs in a single Availability Zone",
				Evidence:    []check.Evidence{{Attribute: "multi_az", Value: "false"}},
				Remediation: "Set multi_az = true.", Docs: docs + "aws_rds_multi_az.md",
			},
			{
				CheckID: "aws_rds_multi_az", Title: "RDS instance has a Multi-AZ standby",
				Section: "deployment", Category: "multi_az", Severity: check.SeverityHigh, Status: check.StatusPass,
				Input: "plan.json", Address: `module.app["green"].aws_db_instance.main`, ResourceType: "aws_db_instance",
				Evidence:    []check.Evidence{{Attribute: "multi_az", Value: "true"}},
				Remediation: "Set multi_az = true.", Docs: docs + "aws_rds_multi_az.md",
			},
		},
		Manual: []engine.ManualItem{
			{Item: "incident_drills", Section: "on_call", Title: "Incident response drills"},
			{Item: "load_tests", Section: "load_tests", Title: "Load tests at expected and peak traffic", Attested: true, By: "alice@example.com", On: "2026-01-31", Note: "k6 at twice the peak"},
		},
	}
}

func TestPolicyGolden(t *testing.T) {
	t.Parallel()
	for _, format := range []string{"json", "text"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			f, err := Lookup(format, Options{ToolVersion: "1.2.3"})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := f.Write(&buf, policyReport()); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", format+"_policy.golden")
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

// TestJSONManualShape holds the manual list to its contract: item, section,
// attested, by and on, nothing more.
func TestJSONManualShape(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := (jsonFormat{}).Write(&buf, policyReport()); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Manual []map[string]any `json:"manual"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	want := []map[string]any{
		{"item": "incident_drills", "section": "on_call", "attested": false, "by": "", "on": ""},
		{"item": "load_tests", "section": "load_tests", "attested": true, "by": "alice@example.com", "on": "2026-01-31"},
	}
	if diff := cmp.Diff(want, doc.Manual); diff != "" {
		t.Errorf("manual (-want +got):\n%s", diff)
	}
}
