package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
)

// changeReport is a plan with a prior world, scanned under gate: failures
// it introduces (two blocking, one below --fail-on high), failures there
// before (one at or above --fail-on, one below, one waived), a failure it
// resolves, and results it leaves as they were. Summary.Ready and
// Summary.Changes are what the engine would compute.
func changeReport(gate engine.Gate) *engine.Report {
	const input = "infra/plan.json"
	rep := &engine.Report{
		Profile: "production",
		FailOn:  check.AtLeast(check.SeverityHigh),
		Gate:    gate,
		Inputs:  []engine.Input{{Path: input, Kind: "plan", TerraformVersion: "1.8.5", FormatVersion: "1.2"}},
		Summary: engine.Summary{
			Score: 29, Fail: 5, Pass: 2, Unknown: 1, Waived: 1,
			Sections: []engine.SectionSummary{
				{Section: "deployment", Fail: 1, Pass: 1, Unknown: 1, Score: 50},
				{Section: "disaster_recovery", Fail: 1, Score: 0},
				{Section: "observability", Fail: 2, Score: 0},
				{Section: "security", Fail: 1, Pass: 1, Score: 50},
			},
			Changes: &engine.ChangeSummary{Introduced: 3, Existing: 2, Resolved: 1},
		},
		Results: []engine.Result{
			{
				CheckID: "aws_rds_multi_az", Title: "RDS instance has a Multi-AZ standby",
				Section: "deployment", Category: "multi_az", Severity: check.SeverityHigh, Status: check.StatusFail,
				Input: input, Address: "aws_db_instance.orders", ResourceType: "aws_db_instance",
				Message:     "the instance runs in a single Availability Zone: an AZ outage takes the database down",
				Evidence:    []check.Evidence{{Attribute: "multi_az", Value: "true → false"}},
				Remediation: "Set multi_az = true.", Docs: check.DocsBase + "aws_rds_multi_az.md", Change: engine.ChangeIntroduced,
			},
			{
				CheckID: "aws_rds_multi_az", Title: "RDS instance has a Multi-AZ standby",
				Section: "deployment", Category: "multi_az", Severity: check.SeverityHigh, Status: check.StatusPass,
				Input: input, Address: "aws_db_instance.reports", ResourceType: "aws_db_instance",
				Message:     "the instance has a standby in a second Availability Zone",
				Evidence:    []check.Evidence{{Attribute: "multi_az", Value: "false → true"}},
				Remediation: "Set multi_az = true.", Docs: check.DocsBase + "aws_rds_multi_az.md", Change: engine.ChangeResolved,
			},
			{
				CheckID: "aws_asg_multi_az", Title: "Auto Scaling group spans two or more AZs",
				Section: "deployment", Category: "multi_az", Severity: check.SeverityMedium, Status: check.StatusUnknown,
				Input: input, Address: "aws_autoscaling_group.web", ResourceType: "aws_autoscaling_group",
				Message:     "The subnets are known only after apply.",
				Remediation: "Use subnets in two or more AZs.", Docs: check.DocsBase + "aws_asg_multi_az.md", Change: engine.ChangeUnchanged,
			},
			{
				CheckID: "plan_destroys_data", Title: "The plan destroys no stateful resource",
				Section: "disaster_recovery", Category: "destructive_change", Severity: check.SeverityCritical, Status: check.StatusFail,
				Input: input, Message: "The plan replaces 1 database.",
				Remediation: "Add lifecycle { prevent_destroy = true } and plan the migration.", Docs: check.DocsBase + "plan_destroys_data.md",
				Change: engine.ChangeIntroduced,
			},
			{
				CheckID: "aws_lambda_tracing", Title: "Lambda function has tracing on",
				Section: "observability", Category: "tracing", Severity: check.SeverityLow, Status: check.StatusFail,
				Input: input, Address: "aws_lambda_function.api", ResourceType: "aws_lambda_function",
				Message: "tracing is off", Remediation: "Set tracing_config { mode = \"Active\" }.", Docs: check.DocsBase + "aws_lambda_tracing.md",
				Change: engine.ChangeIntroduced,
			},
			{
				CheckID: "aws_log_retention", Title: "Log group keeps logs for a set time",
				Section: "observability", Category: "logging", Severity: check.SeverityMedium, Status: check.StatusFail,
				Input: input, Address: "aws_cloudwatch_log_group.app", ResourceType: "aws_cloudwatch_log_group",
				Message: "logs are kept forever", Remediation: "Set retention_in_days.", Docs: check.DocsBase + "aws_log_retention.md",
				Change: engine.ChangeExisting,
			},
			{
				CheckID: "aws_rds_storage_encrypted", Title: "RDS storage is encrypted",
				Section: "security", Category: "encryption_at_rest", Severity: check.SeverityCritical, Status: check.StatusFail,
				Input: input, Address: "aws_db_instance.legacy", ResourceType: "aws_db_instance",
				Message: "storage is not encrypted", Evidence: []check.Evidence{{Attribute: "storage_encrypted", Value: "false"}},
				Remediation: "Set storage_encrypted = true.", Docs: check.DocsBase + "aws_rds_storage_encrypted.md",
				Change: engine.ChangeExisting,
			},
			{
				CheckID: "aws_rds_public_access", Title: "RDS instance is not publicly accessible",
				Section: "security", Category: "public_access", Severity: check.SeverityCritical, Status: check.StatusPass,
				Input: input, Address: "aws_db_instance.orders", ResourceType: "aws_db_instance",
				Remediation: "Set publicly_accessible = false.", Docs: check.DocsBase + "aws_rds_public_access.md",
				Change: engine.ChangeUnchanged,
			},
			{
				CheckID: "aws_s3_encryption_at_rest", Title: "S3 bucket encrypts objects at rest",
				Section: "security", Category: "encryption_at_rest", Severity: check.SeverityHigh, Status: check.StatusWaived,
				Input: input, Address: "aws_s3_bucket.public_assets", ResourceType: "aws_s3_bucket",
				Message:     "waived until 2026-06-30: public assets, nothing secret (OPS-42)",
				Remediation: "Add an aws_s3_bucket_server_side_encryption_configuration.", Docs: check.DocsBase + "aws_s3_encryption_at_rest.md",
				Change: engine.ChangeExisting,
			},
		},
	}
	rep.Summary.Ready = len(rep.Blocking()) == 0
	return rep
}

// locateChange is what internal/source finds for changeReport's
// configuration.
func locateChange(input, address string) (string, int, bool) {
	line := map[string]int{"aws_db_instance.orders": 12, "aws_db_instance.reports": 30, "aws_db_instance.legacy": 48}[address]
	return "infra/main.tf", line, input == "infra/plan.json" && line > 0
}

// stateReport is ciReport read from a state: no prior world, so no change
// and no Summary.Changes.
func stateReport(gate engine.Gate) *engine.Report {
	rep := ciReport()
	rep.Gate = gate
	rep.Inputs[0].Kind = "state"
	return rep
}

// TestChangeGolden writes the report of a plan with a prior world in every
// format under both gates, and a state's under --gate introduced.
func TestChangeGolden(t *testing.T) {
	t.Parallel()
	for _, format := range Names() {
		for name, rep := range map[string]*engine.Report{
			"change":            changeReport(engine.GateAll),
			"change_introduced": changeReport(engine.GateIntroduced),
		} {
			t.Run(format+"_"+name, func(t *testing.T) {
				t.Parallel()
				golden(t, format+"_"+name, format, Options{ToolVersion: "1.2.3", Locate: locateChange}, rep)
			})
		}
	}
	for _, format := range []string{"html", "markdown", "text"} {
		t.Run(format+"_state_introduced", func(t *testing.T) {
			t.Parallel()
			golden(t, format+"_state_introduced", format, Options{ToolVersion: "1.2.3", Locate: locateCI}, stateReport(engine.GateIntroduced))
		})
	}
	t.Run("text_change_introduced_quiet", func(t *testing.T) {
		t.Parallel()
		golden(t, "text_change_introduced_quiet", "text", Options{Quiet: true, Locate: locateChange}, changeReport(engine.GateIntroduced))
	})
}

// TestChangeSentence: the sentence the human formats lead with, in the
// grammar of 0, 1 and many, of one plan and of several.
func TestChangeSentence(t *testing.T) {
	t.Parallel()
	type counts struct {
		blocking, below, existing, resolved, plans int
	}
	tests := map[string]struct {
		c      counts
		failOn check.Threshold
		gate   engine.Gate
		want   string
	}{
		"nothing changes": {c: counts{plans: 1}, want: "this plan introduces no gap"},
		"one blocking":    {c: counts{blocking: 1, plans: 1}, want: "this plan introduces 1 blocking gap"},
		"the issue's example": {
			c:    counts{blocking: 2, resolved: 1, existing: 11, plans: 1},
			want: "this plan introduces 2 blocking gaps and resolves 1; 11 were there before",
		},
		"one there before": {c: counts{existing: 1, plans: 1}, want: "this plan introduces no gap; 1 was there before"},
		"below --fail-on only": {
			c:    counts{below: 3, resolved: 2, plans: 1},
			want: "this plan introduces no blocking gap (3 below --fail-on high) and resolves 2",
		},
		"blocking and below": {
			c:    counts{blocking: 1, below: 1, plans: 1},
			want: "this plan introduces 1 blocking gap (and 1 below --fail-on high)",
		},
		"--fail-on none blocks nothing": {
			c: counts{blocking: 0, below: 2, existing: 1, plans: 1}, failOn: check.ThresholdNone,
			want: "this plan introduces 2 gaps; 1 was there before",
		},
		"--gate introduced": {
			c: counts{blocking: 1, existing: 4, plans: 1}, gate: engine.GateIntroduced,
			want: "this plan introduces 1 blocking gap; 4 were there before (not blocking under --gate introduced)",
		},
		"several plans": {
			c:    counts{blocking: 2, resolved: 1, existing: 3, plans: 2},
			want: "these plans introduce 2 blocking gaps and resolve 1; 3 were there before",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			failOn := check.AtLeast(check.SeverityHigh)
			if tt.failOn == check.ThresholdNone {
				failOn = tt.failOn
			}
			rep := &engine.Report{FailOn: failOn, Gate: tt.gate,
				Summary: engine.Summary{Changes: &engine.ChangeSummary{Introduced: tt.c.blocking + tt.c.below, Existing: tt.c.existing, Resolved: tt.c.resolved}}}
			for range tt.c.plans {
				rep.Inputs = append(rep.Inputs, engine.Input{Kind: "plan"})
			}
			add := func(n int, sev check.Severity) {
				for range n {
					rep.Results = append(rep.Results, engine.Result{Status: check.StatusFail, Severity: sev, Change: engine.ChangeIntroduced})
				}
			}
			add(tt.c.blocking, check.SeverityCritical)
			add(tt.c.below, check.SeverityLow)
			got, ok := changeSentence(rep, func(s string) string { return s })
			if !ok || got != tt.want {
				t.Errorf("changeSentence = %q, %v; want %q", got, ok, tt.want)
			}
		})
	}
}

// TestChangeWords: the human formats lead with the change, right under the
// verdict; under --gate introduced the failures there before are listed
// apart from the blocking ones; a state (no prior world) says that every
// failure counts, and nothing about change under --gate all.
func TestChangeWords(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		rep  *engine.Report
		want map[string][]string // format: substrings, in this order
		not  []string            // in no human format
	}{
		"gate all": {
			rep: changeReport(engine.GateAll),
			want: map[string][]string{
				"text": {
					"NOT READY  score 29/100 (1 waived)  (fail-on high, profile production)\n" +
						"this plan introduces 2 blocking gaps (and 1 below --fail-on high) and resolves 1; 2 were there before\n",
					"\nblocking (3): failures at or above --fail-on high\n" +
						"  critical  introduced  (whole plan) — The plan replaces 1 database.\n",
					"  critical  existing    aws_db_instance.legacy — storage is not encrypted\n",
					"  high      introduced  aws_db_instance.orders — the instance runs",
					"\nresolved (1): failures this plan fixes\n  high      aws_rds_multi_az  aws_db_instance.reports  at infra/main.tf:30\n",
					"  FAIL     medium    aws_log_retention  aws_cloudwatch_log_group.app  (existing)\n",
					"  FAIL     critical  aws_rds_storage_encrypted  aws_db_instance.legacy  at infra/main.tf:48  (existing, blocking, above)\n",
				},
				"markdown": {
					"## ❌ **NOT READY** · score 29/100 (1 waived)\n\n" +
						"**This plan introduces 2 blocking gaps (and 1 below `--fail-on high`) and resolves 1; 2 were there before.**\n",
					"| Severity | Change | Check | Resource | Finding | Fix |",
					"| critical | existing | [`aws_rds_storage_encrypted`]",
					"\n### Resolved (1)\n",
				},
				"html": {
					`<span class="verdict not-ready">NOT READY</span></h1>` + "\n" +
						`<p class="change" id="change">This plan introduces 2 blocking gaps (and 1 below <code>--fail-on high</code>) and resolves 1; 2 were there before.</p>`,
					`<h2 id="h-blocking">Blocking (3)</h2>`,
					`<h2 id="h-resolved">Resolved (1)</h2>`,
				},
			},
			not: []string{"there before this plan (", "There before this plan (", "gate introduced"},
		},
		"gate introduced": {
			rep: changeReport(engine.GateIntroduced),
			want: map[string][]string{
				"text": {
					"NOT READY  score 29/100 (1 waived)  (fail-on high, gate introduced, profile production)\n" +
						"this plan introduces 2 blocking gaps (and 1 below --fail-on high) and resolves 1; 2 were there before (not blocking under --gate introduced)\n",
					"\nblocking (2): failures at or above --fail-on high, under --gate introduced\n" +
						"  critical  introduced  (whole plan) — The plan replaces 1 database.\n",
					"\nthere before this plan (1): failures at or above --fail-on high, not blocking under --gate introduced\n" +
						"  critical  existing    aws_db_instance.legacy — storage is not encrypted\n" +
						"                        aws_rds_storage_encrypted  at infra/main.tf:48  fix: Set storage_encrypted = true.\n",
					"  FAIL     critical  aws_rds_storage_encrypted  aws_db_instance.legacy  at infra/main.tf:48  (existing, above)\n",
				},
				"markdown": {
					"— fail-on `high`, gate `introduced`, profile `production`\n",
					"\n### Blocking (2)\n\nFailures at or above `--fail-on high` under `--gate introduced`: they decide the exit code.\n",
					"\n### There before this plan (1)\n\nFailures at or above `--fail-on high` that were there before this plan: not blocking under `--gate introduced`.\n",
					"| critical | existing | [`aws_rds_storage_encrypted`]",
				},
				"html": {
					`fail-on high · gate introduced · profile production`,
					`<h2 id="h-blocking">Blocking (2)</h2>`,
					`<h2 id="h-there-before">There before this plan (1)</h2>`,
				},
			},
		},
		"a state under gate introduced": {
			rep: stateReport(engine.GateIntroduced),
			want: map[string][]string{
				"text":     {"(fail-on high, gate introduced, profile production)\nnothing shows which failures were there before (no input is a plan with a prior world), so every failure counts under --gate introduced\n"},
				"markdown": {"**Nothing shows which failures were there before (no input is a plan with a prior world), so every failure counts under `--gate introduced`.**\n"},
				"html":     {`<p class="change" id="change">Nothing shows which failures were there before (no input is a plan with a prior world), so every failure counts under <code>--gate introduced</code>.</p>`},
			},
			not: []string{"introduced  ", "| Change |", "<th>Change</th>"},
		},
		"a state under gate all": {
			rep: stateReport(engine.GateAll),
			not: []string{"nothing shows", "Nothing shows", "this plan introduces", "This plan introduces", "gate introduced", "Change"},
		},
	}
	for name, tt := range tests {
		for _, format := range []string{"text", "markdown", "html"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				t.Parallel()
				out := write(t, format, Options{ToolVersion: "1.2.3", Locate: locateChange}, tt.rep)
				at := 0
				for _, want := range tt.want[format] {
					i := strings.Index(out[at:], want)
					if i < 0 {
						t.Fatalf("output lacks %q after byte %d:\n%s", want, at, out)
					}
					at += i + len(want)
				}
				for _, not := range tt.not {
					if strings.Contains(out, not) {
						t.Errorf("output holds %q:\n%s", not, out)
					}
				}
			})
		}
	}
}

// TestChangeJSON: results carry change, the summary the counts of changes,
// and the document its gate beside the profile; a report without a prior
// world has neither change nor changes, and no null anywhere.
func TestChangeJSON(t *testing.T) {
	t.Parallel()
	type doc struct {
		Gate    string `json:"gate"`
		Summary struct {
			Changes *engine.ChangeSummary `json:"changes"`
		} `json:"summary"`
		Results []map[string]any `json:"results"`
	}
	tests := map[string]struct {
		rep         *engine.Report
		wantGate    string
		wantChanges *engine.ChangeSummary
		wantChange  []string // each result's, "" for none
	}{
		"gate all": {
			rep: changeReport(engine.GateAll), wantGate: "all", wantChanges: &engine.ChangeSummary{Introduced: 3, Existing: 2, Resolved: 1},
			wantChange: []string{"introduced", "resolved", "unchanged", "introduced", "introduced", "existing", "existing", "unchanged", "existing"},
		},
		"gate introduced": {
			rep: changeReport(engine.GateIntroduced), wantGate: "introduced", wantChanges: &engine.ChangeSummary{Introduced: 3, Existing: 2, Resolved: 1},
			wantChange: []string{"introduced", "resolved", "unchanged", "introduced", "introduced", "existing", "existing", "unchanged", "existing"},
		},
		"a state": {rep: stateReport(engine.GateIntroduced), wantGate: "introduced", wantChange: []string{"", "", "", "", "", "", ""}},
		"no gate": {rep: emptyReport(), wantGate: "all"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			if err := (jsonFormat{}).Write(&buf, tt.rep); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(buf.String(), "null") {
				t.Errorf("JSON output contains null:\n%s", buf.String())
			}
			var d doc
			if err := json.Unmarshal(buf.Bytes(), &d); err != nil {
				t.Fatal(err)
			}
			if d.Gate != tt.wantGate {
				t.Errorf("gate = %q, want %q", d.Gate, tt.wantGate)
			}
			if diff := cmp.Diff(tt.wantChanges, d.Summary.Changes); diff != "" {
				t.Errorf("summary.changes (-want +got):\n%s", diff)
			}
			var changes []string
			for _, r := range d.Results {
				c, _ := r["change"].(string)
				changes = append(changes, c)
			}
			if diff := cmp.Diff(tt.wantChange, changes); diff != "" {
				t.Errorf("results[].change (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSARIFBaselineState: each result says how it stands against the world
// before the plan, and the failure the plan resolves is written as a pass
// that is absent now; a run that mixes inputs without a prior world has
// baselineState on no result, as SARIF wants it on all or none.
func TestSARIFBaselineState(t *testing.T) {
	t.Parallel()
	mixed := changeReport(engine.GateAll)
	mixed.Inputs = append(mixed.Inputs, engine.Input{Path: "prod.tfstate", Kind: "state"})
	mixed.Results = append(mixed.Results, engine.Result{CheckID: "aws_rds_multi_az", Section: "deployment", Severity: check.SeverityHigh,
		Status: check.StatusFail, Input: "prod.tfstate", Address: "aws_db_instance.main"})
	type got struct{ Rule, Address, Kind, Level, State, Change string }
	tests := map[string]struct {
		rep  *engine.Report
		want []got
	}{
		"a plan": {
			rep: changeReport(engine.GateIntroduced),
			want: []got{
				{"aws_rds_multi_az", "aws_db_instance.orders", "fail", "error", "new", "introduced"},
				{"aws_rds_multi_az", "aws_db_instance.reports", "pass", "none", "absent", "resolved"},
				{"aws_asg_multi_az", "aws_autoscaling_group.web", "review", "none", "unchanged", "unchanged"},
				{"plan_destroys_data", "", "fail", "error", "new", "introduced"},
				{"aws_lambda_tracing", "aws_lambda_function.api", "fail", "note", "new", "introduced"},
				{"aws_log_retention", "aws_cloudwatch_log_group.app", "fail", "warning", "unchanged", "existing"},
				{"aws_rds_storage_encrypted", "aws_db_instance.legacy", "fail", "error", "unchanged", "existing"},
				{"aws_s3_encryption_at_rest", "aws_s3_bucket.public_assets", "fail", "error", "unchanged", "existing"},
			},
		},
		"a resolved failure unknown now is updated": {
			rep: func() *engine.Report {
				rep := changeReport(engine.GateAll)
				rep.Results = []engine.Result{rep.Results[1]}
				rep.Results[0].Status = check.StatusUnknown
				return rep
			}(),
			want: []got{{"aws_rds_multi_az", "aws_db_instance.reports", "review", "none", "updated", "resolved"}},
		},
		"a plan and a state": {
			rep: mixed,
			want: []got{
				{"aws_rds_multi_az", "aws_db_instance.orders", "fail", "error", "", "introduced"},
				{"aws_rds_multi_az", "aws_db_instance.reports", "pass", "none", "", "resolved"},
				{"aws_asg_multi_az", "aws_autoscaling_group.web", "review", "none", "", "unchanged"},
				{"plan_destroys_data", "", "fail", "error", "", "introduced"},
				{"aws_lambda_tracing", "aws_lambda_function.api", "fail", "note", "", "introduced"},
				{"aws_log_retention", "aws_cloudwatch_log_group.app", "fail", "warning", "", "existing"},
				{"aws_rds_storage_encrypted", "aws_db_instance.legacy", "fail", "error", "", "existing"},
				{"aws_s3_encryption_at_rest", "aws_s3_bucket.public_assets", "fail", "error", "", "existing"},
				{"aws_rds_multi_az", "aws_db_instance.main", "fail", "error", "", ""},
			},
		},
		"a state": {
			rep: stateReport(engine.GateIntroduced),
			want: []got{
				{"aws_rds_multi_az", `module.app["blue"].aws_db_instance.main[0]`, "fail", "error", "", ""},
				{"aws_asg_multi_az", "aws_autoscaling_group.web", "review", "none", "", ""},
				{"plan_destroys_data", "", "fail", "error", "", ""},
				{"aws_s3_encryption_at_rest", "aws_s3_bucket.logs", "fail", "note", "", ""},
				{"aws_s3_encryption_at_rest", "aws_s3_bucket.public_assets", "fail", "note", "", ""},
			},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			if err := (sarifFormat{opts: Options{ToolVersion: "1.2.3", Locate: locateChange}}).Write(&buf, tt.rep); err != nil {
				t.Fatal(err)
			}
			validateSARIF(t, buf.Bytes())
			var doc struct {
				Runs []struct {
					Results []struct {
						RuleID        string `json:"ruleId"`
						Kind          string `json:"kind"`
						Level         string `json:"level"`
						BaselineState string `json:"baselineState"`
						Properties    struct {
							Address string `json:"address"`
							Change  string `json:"change"`
						} `json:"properties"`
					} `json:"results"`
				} `json:"runs"`
			}
			if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			var results []got
			for _, r := range doc.Runs[0].Results {
				results = append(results, got{r.RuleID, r.Properties.Address, r.Kind, r.Level, r.BaselineState, r.Properties.Change})
			}
			if diff := cmp.Diff(tt.want, results); diff != "" {
				t.Errorf("results (-want +got):\n%s", diff)
			}
		})
	}
}

// TestGitHubGateLevels: under --gate introduced a failure there before the
// plan is a notice, whatever its severity; introduced ones keep the level
// of their severity; under --gate all nothing changes.
func TestGitHubGateLevels(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		rep  *engine.Report
		want []string // command and title, most severe first
	}{
		"gate all": {
			rep: changeReport(engine.GateAll),
			want: []string{
				"::error plan_destroys_data (critical)",
				"::error aws_rds_storage_encrypted (critical)",
				"::error aws_rds_multi_az (high)",
				"::warning aws_log_retention (medium)",
				"::notice aws_lambda_tracing (low)",
			},
		},
		"gate introduced": {
			rep: changeReport(engine.GateIntroduced),
			want: []string{
				"::error plan_destroys_data (critical)",
				"::notice aws_rds_storage_encrypted (critical)",
				"::error aws_rds_multi_az (high)",
				"::notice aws_log_retention (medium)",
				"::notice aws_lambda_tracing (low)",
			},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			if err := (githubFormat{}).Write(&buf, tt.rep); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
				cmd, rest, _ := strings.Cut(line, " ")
				_, rest, _ = strings.Cut(rest, "title=")
				title, _, _ := strings.Cut(rest, "%3A")
				got = append(got, cmd+" "+title)
				// Under --gate introduced, a failure there before says so.
				existing := strings.Contains(title, "aws_rds_storage_encrypted") || strings.Contains(title, "aws_log_retention")
				says := strings.Contains(line, "::there before this plan (not blocking under --gate introduced): ")
				if want := existing && tt.rep.Gate == engine.GateIntroduced; says != want {
					t.Errorf("message says it was there before: %v, want %v: %s", says, want, line)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("annotations (-want +got):\n%s\n%s", diff, buf.String())
			}
		})
	}
}

// TestJUnitExisting: a failure there before the plan says so in its
// message; an introduced one is written as before.
func TestJUnitExisting(t *testing.T) {
	t.Parallel()
	out := write(t, "junit", Options{}, changeReport(engine.GateIntroduced))
	for _, want := range []string{
		`<failure message="existing: storage is not encrypted" type="critical">`,
		`<failure message="existing: logs are kept forever" type="medium">`,
		`<failure message="the instance runs in a single Availability Zone: an AZ outage takes the database down" type="high">`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// golden compares what format writes of rep with testdata/name.golden
// (rewritten with -update).
func golden(t *testing.T, name, format string, opts Options, rep *engine.Report) {
	t.Helper()
	got := write(t, format, opts, rep)
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("output differs from %s (-want +got):\n%s", path, diff)
	}
}
