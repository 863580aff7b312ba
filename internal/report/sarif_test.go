package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// sarifSchemaFile is the OASIS SARIF 2.1.0 schema (errata 01), as gosec
// ships it in its module (see testdata/sarif-schema-2.1.0.json.ORIGIN).
const sarifSchemaFile = "testdata/sarif-schema-2.1.0.json"

var compileSARIFSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.AssertFormat() // uri, uri-reference and the like are checked too
	return c.Compile(sarifSchemaFile)
})

func validateSARIF(t *testing.T, doc []byte) {
	t.Helper()
	schema, err := compileSARIFSchema()
	if err != nil {
		t.Fatalf("compile %s: %v", sarifSchemaFile, err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v", err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("SARIF output is not valid SARIF 2.1.0:\n%v", err)
	}
}

func TestSARIFValidAgainstSchema(t *testing.T) {
	t.Parallel()
	noMeta := ciReport()
	noMeta.Checks = nil
	tests := map[string]struct {
		rep  *engine.Report
		opts Options
	}{
		"empty":                 {rep: emptyReport()},
		"mixed":                 {rep: mixedReport(), opts: Options{ToolVersion: "1.2.3"}},
		"ready":                 {rep: readyReport(), opts: Options{ToolVersion: "dev"}},
		"ci with locations":     {rep: ciReport(), opts: Options{ToolVersion: "1.2.3", Locate: locateCI}},
		"ci without metadata":   {rep: noMeta},
		"absolute path":         {rep: ciReport(), opts: Options{Locate: func(string, string) (string, int, bool) { return "/work/infra/a b.tf", 7, true }}},
		"path with a colon":     {rep: ciReport(), opts: Options{Locate: func(string, string) (string, int, bool) { return "c:d/main.tf", 7, true }}},
		"unicode and controls":  {rep: withMessage(ciReport(), "zone \u00e9t\u00e9 \x01 \u2028 done")},
		"huge synthetic report": {rep: hugeReport(2000)},
		"tags shared by section and category": {rep: withMeta(ciReport(), check.Meta{ID: "on_call_owner", Title: "t",
			Section: "on_call", Category: "on_call", Severity: check.SeverityLow, Cloud: "on_call"})},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			if err := (sarifFormat{opts: tt.opts}).Write(&buf, tt.rep); err != nil {
				t.Fatal(err)
			}
			validateSARIF(t, buf.Bytes())
		})
	}
}

// TestSARIFSchemaRejects proves the validation has teeth: documents that
// break the schema fail it.
func TestSARIFSchemaRejects(t *testing.T) {
	t.Parallel()
	schema, err := compileSARIFSchema()
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]string{
		"wrong version": `{"version": "2.0.0", "runs": []}`,
		"bad level":     `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]}`,
		"no driver":     `{"version": "2.1.0", "runs": [{"tool": {}}]}`,
		"stray field":   `{"version": "2.1.0", "runs": [], "extra": 1}`,
		"bad start":     `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "locations": [{"physicalLocation": {"region": {"startLine": 0}}}]}]}]}`,
	}
	for name, doc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			inst, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
			if err != nil {
				t.Fatal(err)
			}
			if schema.Validate(inst) == nil {
				t.Errorf("schema accepted %s", doc)
			}
		})
	}
}

// sarifDoc is the part of a SARIF log the tests read.
type sarifDoc struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID                   string `json:"id"`
					HelpURI              string `json:"helpUri"`
					DefaultConfiguration struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
					FullDescription struct {
						Text string `json:"text"`
					} `json:"fullDescription"`
					Help struct {
						Text     string `json:"text"`
						Markdown string `json:"markdown"`
					} `json:"help"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID              string            `json:"ruleId"`
			RuleIndex           int               `json:"ruleIndex"`
			Kind                string            `json:"kind"`
			Level               string            `json:"level"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
			Suppressions        []struct {
				Kind          string `json:"kind"`
				Justification string `json:"justification"`
			} `json:"suppressions"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine int `json:"startLine"`
					} `json:"region"`
				} `json:"physicalLocation"`
				LogicalLocations []struct {
					FullyQualifiedName string `json:"fullyQualifiedName"`
				} `json:"logicalLocations"`
			} `json:"locations"`
			Properties struct {
				Status  string `json:"status"`
				Address string `json:"address"`
			} `json:"properties"`
		} `json:"results"`
	} `json:"runs"`
}

func TestSARIFContent(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := (sarifFormat{opts: Options{ToolVersion: "1.2.3", Locate: locateCI}}).Write(&buf, ciReport()); err != nil {
		t.Fatal(err)
	}
	var doc sarifDoc
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	run := doc.Runs[0]
	rules := run.Tool.Driver.Rules

	// Every check with a result written (passes are not) is a rule, once,
	// its description in fullDescription and not again in help.
	var ids []string
	for _, r := range rules {
		ids = append(ids, r.ID+"="+r.DefaultConfiguration.Level)
		if !strings.HasPrefix(r.HelpURI, "https://") || !strings.Contains(r.Help.Markdown, "How to fix") {
			t.Errorf("rule %s lacks help: uri %q, markdown %q", r.ID, r.HelpURI, r.Help.Markdown)
		}
		if d := r.FullDescription.Text; d != "" && (strings.Contains(r.Help.Text, d) || strings.Contains(r.Help.Markdown, d)) {
			t.Errorf("rule %s repeats its description in help", r.ID)
		}
	}
	wantIDs := []string{"aws_rds_multi_az=error", "aws_asg_multi_az=warning", "plan_destroys_data=error",
		"aws_s3_encryption_at_rest=note"}
	if diff := cmp.Diff(wantIDs, ids); diff != "" {
		t.Errorf("rules (-want +got):\n%s", diff)
	}

	type got struct {
		Rule, Kind, Level, Status, URI string
		Line                           int
		Logical                        string
		Suppressed                     string
	}
	var results []got
	fingerprints := map[string]bool{}
	for _, r := range run.Results {
		if rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %s has ruleIndex %d, which is rule %s", r.RuleID, r.RuleIndex, rules[r.RuleIndex].ID)
		}
		fp := r.PartialFingerprints[fingerprintKey]
		if fp == "" || fingerprints[fp] {
			t.Errorf("result %s %s: fingerprint %q missing or repeated", r.RuleID, r.Properties.Address, fp)
		}
		fingerprints[fp] = true
		g := got{Rule: r.RuleID, Kind: r.Kind, Level: r.Level, Status: r.Properties.Status,
			URI: r.Locations[0].PhysicalLocation.ArtifactLocation.URI, Line: r.Locations[0].PhysicalLocation.Region.StartLine}
		if ll := r.Locations[0].LogicalLocations; len(ll) > 0 {
			g.Logical = ll[0].FullyQualifiedName
		}
		if len(r.Suppressions) > 0 {
			g.Suppressed = r.Suppressions[0].Kind + ": " + r.Suppressions[0].Justification
		}
		results = append(results, g)
	}
	want := []got{
		{Rule: "aws_rds_multi_az", Kind: "fail", Level: "error", Status: "fail", URI: "infra/modules/db/main.tf", Line: 5, Logical: `module.app["blue"].aws_db_instance.main[0]`},
		{Rule: "aws_asg_multi_az", Kind: "review", Level: "none", Status: "unknown", URI: "infra/main.tf", Line: 12, Logical: "aws_autoscaling_group.web"},
		// Not located: the plan itself, so that code scanning still shows it.
		{Rule: "plan_destroys_data", Kind: "fail", Level: "error", Status: "fail", URI: "infra/plan.json", Line: 1},
		{Rule: "aws_s3_encryption_at_rest", Kind: "fail", Level: "note", Status: "fail", URI: "infra/storage,%20logs.tf", Line: 3, Logical: "aws_s3_bucket.logs"},
		{Rule: "aws_s3_encryption_at_rest", Kind: "fail", Level: "note", Status: "waived", URI: "infra/plan.json", Line: 1, Logical: "aws_s3_bucket.public_assets",
			Suppressed: "external: waived until 2026-06-30: public assets, nothing secret (OPS-42)"},
	}
	if diff := cmp.Diff(want, results); diff != "" {
		t.Errorf("results (-want +got); passes must be left out:\n%s", diff)
	}
}

func TestSARIFFingerprintStable(t *testing.T) {
	t.Parallel()
	a := ciReport().Results[0]
	b := a
	b.Message, b.Evidence = "another wording", nil
	if fingerprint(a) != fingerprint(b) {
		t.Error("the fingerprint changed with the message: alerts would reopen on every rewording")
	}
	c := a
	c.Address = `module.app["green"].aws_db_instance.main[0]`
	if fingerprint(a) == fingerprint(c) {
		t.Error("two resources share a fingerprint")
	}
}

func TestFileURI(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"main.tf":           "main.tf",
		"infra/a b.tf":      "infra/a%20b.tf",
		"c:d/main.tf":       "./c:d/main.tf",
		"/abs/infra/x.tf":   "file:///abs/infra/x.tf",
		"infra/100%/x.tf":   "infra/100%25/x.tf",
		"infra/#hash/x.tf":  "infra/%23hash/x.tf",
		"infra/q?uery/x.tf": "infra/q%3Fuery/x.tf",
	}
	for in, want := range tests {
		t.Run(in, func(t *testing.T) {
			t.Parallel()
			if got := fileURI(in); got != want {
				t.Errorf("fileURI(%q) = %q, want %q", in, got, want)
			}
		})
	}
}

// withMeta adds check metadata to rep, as if more checks ran.
func withMeta(rep *engine.Report, metas ...check.Meta) *engine.Report {
	rep.Checks = append(rep.Checks, metas...)
	return rep
}

func withMessage(rep *engine.Report, msg string) *engine.Report {
	for i := range rep.Results {
		rep.Results[i].Message = msg
	}
	return rep
}
