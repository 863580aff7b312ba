package policy_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/config"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/policy"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// The tests here run the engine with a policy read from configuration text,
// as a scan does.

// today is the tests' clock.
var today = time.Date(2026, 6, 15, 9, 0, 0, 0, time.UTC)

const appPlan = `{"format_version":"1.2","terraform_version":"1.8.5","resource_changes":[
 {"address":"module.app[\"blue\"].aws_db_instance.main[0]","module_address":"module.app[\"blue\"]","mode":"managed","type":"aws_db_instance","name":"main","index":0,
  "change":{"actions":["create"],"after":{"multi_az":false,"tags":{"environment":"production"}},"after_unknown":{}}},
 {"address":"module.app[\"green\"].aws_db_instance.main[0]","module_address":"module.app[\"green\"]","mode":"managed","type":"aws_db_instance","name":"main","index":0,
  "change":{"actions":["create"],"after":{"multi_az":false},"after_unknown":{}}},
 {"address":"aws_db_instance.legacy","mode":"managed","type":"aws_db_instance","name":"legacy",
  "change":{"actions":["create"],"after":{"multi_az":false,"tags":{"readiness:waive":"check_id=t_multi_az;reason=retired in Q3;owner=db-team;expires=2026-12-31"}},"after_unknown":{}}},
 {"address":"aws_db_instance.old_waiver","mode":"managed","type":"aws_db_instance","name":"old_waiver",
  "change":{"actions":["create"],"after":{"multi_az":false,"tags":{"readiness:waive":"check_id=t_multi_az owner=db-team expires=2026-01-31 reason=was going away"}},"after_unknown":{}}},
 {"address":"aws_db_instance.bad_tag","mode":"managed","type":"aws_db_instance","name":"bad_tag",
  "change":{"actions":["create"],"after":{"multi_az":true,"tags":{"readiness:waive:x":"check_id=t_multi_az;reason=no owner"}},"after_unknown":{}}},
 {"address":"aws_db_instance.dev","mode":"managed","type":"aws_db_instance","name":"dev",
  "change":{"actions":["create"],"after":{"multi_az":false,"tags":{"Environment":"Dev"}},"after_unknown":{}}},
 {"address":"aws_db_instance.staging","mode":"managed","type":"aws_db_instance","name":"staging",
  "change":{"actions":["create"],"after":{"multi_az":false,"tags_all":{"tier":"staging"}},"after_unknown":{}}}
]}`

var multiAZ = check.Check{
	Meta: check.Meta{ID: "t_multi_az", Aliases: []string{"t_old_multi_az"}, Title: "multi-AZ", Section: "deployment",
		Category: "multi_az", Severity: check.SeverityHigh, ResourceTypes: []string{"aws_db_instance"}},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		ev := []check.Evidence{{Attribute: "multi_az", Value: p.Show(r, r.Attr("multi_az"))}}
		if on, _ := r.Attr("multi_az").Bool(); on {
			return check.Finding{Status: check.StatusPass, Message: "standby", Evidence: ev}
		}
		return check.Finding{Status: check.StatusFail, Message: "single AZ", Evidence: ev}
	},
}

// multiRegion fails every database: staging and development do not run it.
var multiRegion = check.Check{
	Meta: check.Meta{ID: "t_multi_region", Title: "multi-region", Section: "deployment",
		Category: "multi_region", Severity: check.SeverityMedium, ResourceTypes: []string{"aws_db_instance"}},
	Plan: func(p *model.Plan) []check.Finding {
		var out []check.Finding
		for _, r := range p.OfType("aws_db_instance") {
			out = append(out, check.Finding{Address: r.Address, Status: check.StatusFail, Message: "one region"})
		}
		return append(out, check.Finding{Status: check.StatusFail, Message: "no second region in the plan"})
	},
}

func decode(t *testing.T, name, src string) *model.Plan {
	t.Helper()
	p, err := model.Decode(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// parse reads a configuration and sets the clock.
func parse(t *testing.T, src string) *policy.Policy {
	t.Helper()
	c, diags := config.Parse([]byte(src), ".readiness.hcl")
	if diags.HasErrors() {
		t.Fatalf("parse: %v", diags)
	}
	c.Policy.Now = func() time.Time { return today }
	return c.Policy
}

func run(t *testing.T, plans []*model.Plan, checks []check.Check, profileName string, pol *policy.Policy) *engine.Report {
	t.Helper()
	prof, err := profile.Lookup(profileName)
	if err != nil {
		t.Fatal(err)
	}
	return engine.Run(plans, checks, engine.Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh), Policy: pol})
}

// row is one result as the tests compare it.
type row struct{ ID, Address, Status, Severity string }

func rows(rep *engine.Report, ids ...string) []row {
	out := []row{}
	for _, r := range rep.Results {
		if len(ids) > 0 && !contains(ids, r.CheckID) {
			continue
		}
		out = append(out, row{r.CheckID, r.Address, string(r.Status), r.Severity.String()})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].ID != out[j].ID {
			return out[i].ID < out[j].ID
		}
		return out[i].Address < out[j].Address
	})
	return out
}

func message(rep *engine.Report, id, addr string) string {
	for _, r := range rep.Results {
		if r.CheckID == id && r.Address == addr {
			return r.Message
		}
	}
	return "(no result)"
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

func TestWaivers(t *testing.T) {
	t.Parallel()
	pol := parse(t, `
waiver {
  check   = "t_old_multi_az"          # a former ID finds the check
  address = "module.app[\"*\"].aws_db_instance.main"  # every instance of every module instance
  reason  = "blue-green migration"
  owner   = "platform"
  expires = "2026-06-15"               # good through today
}
waiver {
  check   = "multi_region"             # a category
  reason  = "one region until the DR project"
  owner   = "platform"
  expires = "2026-03-01"               # expired
}
`)
	rep := run(t, []*model.Plan{decode(t, "plan.json", appPlan)}, []check.Check{multiAZ, multiRegion}, "production", pol)
	want := []row{
		{"t_multi_az", "aws_db_instance.bad_tag", "pass", "high"},
		{"t_multi_az", "aws_db_instance.dev", "fail", "high"},
		{"t_multi_az", "aws_db_instance.legacy", "waived", "high"},
		{"t_multi_az", "aws_db_instance.old_waiver", "fail", "high"},
		{"t_multi_az", "aws_db_instance.staging", "fail", "high"},
		{"t_multi_az", `module.app["blue"].aws_db_instance.main[0]`, "waived", "high"},
		{"t_multi_az", `module.app["green"].aws_db_instance.main[0]`, "waived", "high"},
	}
	if diff := cmp.Diff(want, rows(rep, "t_multi_az")); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for addr, msg := range map[string]string{
		`module.app["blue"].aws_db_instance.main[0]`: "waived by platform until 2026-06-15: blue-green migration [.readiness.hcl:2]; finding: single AZ",
		"aws_db_instance.legacy":                     "waived by db-team until 2026-12-31: retired in Q3 [tag readiness:waive]; finding: single AZ",
		"aws_db_instance.old_waiver":                 "the waiver by db-team expired on 2026-01-31 [tag readiness:waive]; finding: single AZ",
		"":                                           "the waiver by platform expired on 2026-03-01 [.readiness.hcl:9]; finding: no second region in the plan",
	} {
		id := "t_multi_az"
		if addr == "" {
			id = "t_multi_region"
		}
		if got := message(rep, id, addr); got != msg {
			t.Errorf("message for %q = %q, want %q", addr, got, msg)
		}
	}
	if got := rep.Summary.Waived; got != 3 {
		t.Errorf("summary.waived = %d, want 3", got)
	}
	if len(rep.Errors) != 1 || !strings.Contains(rep.Errors[0], "plan.json aws_db_instance.bad_tag: tag readiness:waive:x: missing owner, expires; the waiver is ignored") {
		t.Errorf("errors = %q, want the malformed tag named", rep.Errors)
	}
	if exp := pol.Expired(); len(exp) != 1 || exp[0].Check != "multi_region" {
		t.Errorf("Expired() = %+v", exp)
	}
}

// TestTagWaiversOff: with tag_waivers = false, waivers come from the
// configuration alone: a readiness:waive tag, which whoever writes the
// resource writes, waives nothing, and the finding says why; a malformed
// one is no longer an error.
func TestTagWaiversOff(t *testing.T) {
	t.Parallel()
	pol := parse(t, `
tag_waivers = false
waiver {
  check   = "t_multi_az"
  address = "aws_db_instance.staging"
  reason  = "reviewed by the platform team"
  owner   = "platform"
  expires = "2026-06-15"
}
`)
	rep := run(t, []*model.Plan{decode(t, "plan.json", appPlan)}, []check.Check{multiAZ}, "production", pol)
	want := []row{
		{"t_multi_az", "aws_db_instance.bad_tag", "pass", "high"},
		{"t_multi_az", "aws_db_instance.dev", "fail", "high"},
		{"t_multi_az", "aws_db_instance.legacy", "fail", "high"},
		{"t_multi_az", "aws_db_instance.old_waiver", "fail", "high"},
		{"t_multi_az", "aws_db_instance.staging", "waived", "high"},
		{"t_multi_az", `module.app["blue"].aws_db_instance.main[0]`, "fail", "high"},
		{"t_multi_az", `module.app["green"].aws_db_instance.main[0]`, "fail", "high"},
	}
	if diff := cmp.Diff(want, rows(rep, "t_multi_az")); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for addr, msg := range map[string]string{
		"aws_db_instance.legacy":     "the tag readiness:waive is not honoured: tag_waivers = false in .readiness.hcl; finding: single AZ",
		"aws_db_instance.old_waiver": "single AZ", // its tag had expired anyway
	} {
		if got := message(rep, "t_multi_az", addr); got != msg {
			t.Errorf("message for %q = %q, want %q", addr, got, msg)
		}
	}
	if len(rep.Errors) != 0 {
		t.Errorf("errors = %q, want none: tags are not waivers", rep.Errors)
	}
}

func TestWaiverInput(t *testing.T) {
	t.Parallel()
	pol := parse(t, `
waiver {
  check   = "t_multi_az"
  input   = "prod-*.json"
  reason  = "r"
  owner   = "o"
  expires = "2030-01-01"
}
`)
	plans := []*model.Plan{decode(t, "ci/prod-eu.json", appPlan), decode(t, "ci/dev.json", appPlan)}
	rep := run(t, plans, []check.Check{multiAZ}, "production", pol)
	for _, r := range rep.Results {
		if r.Status == check.StatusPass || r.CheckID != "t_multi_az" {
			continue
		}
		if want := map[string]check.Status{"ci/prod-eu.json": check.StatusWaived, "ci/dev.json": check.StatusFail}[r.Input]; r.Status != want && r.Address != "aws_db_instance.legacy" {
			t.Errorf("%s %s: status %s, want %s", r.Input, r.Address, r.Status, want)
		}
	}
}

func TestTierTags(t *testing.T) {
	t.Parallel()
	pol := parse(t, `tier_tags = ["environment", "tier"]`)
	rep := run(t, []*model.Plan{decode(t, "plan.json", appPlan)}, append([]check.Check{multiAZ, multiRegion}, objectiveChecks...), "staging", pol)
	want := []row{
		// dev: the development profile reports everything as low.
		{"t_multi_az", "aws_db_instance.dev", "fail", "low"},
		{"t_multi_region", `module.app["blue"].aws_db_instance.main[0]`, "fail", "medium"},
	}
	got := []row{}
	for _, r := range rows(rep, "t_multi_az", "t_multi_region") {
		if r.Address == "aws_db_instance.dev" || r.ID == "t_multi_region" {
			got = append(got, r)
		}
	}
	// The run's profile is staging: no multi-region finding except on the
	// resource tagged production; the whole plan's finding follows the
	// run's profile.
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// No objective declared: no declared result, whatever else the file
	// says.
	if got := rows(rep, "recovery_objectives_declared"); len(got) != 0 {
		t.Errorf("declared results without an objective block: %v", got)
	}

	// Without tier tags the staging run has no multi-region finding at all.
	rep = run(t, []*model.Plan{decode(t, "plan.json", appPlan)}, []check.Check{multiAZ, multiRegion}, "staging", parse(t, ``))
	if got := rows(rep, "t_multi_region"); len(got) != 0 {
		t.Errorf("multi-region results without tiers: %v", got)
	}
}

func TestSelectAndSeverity(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		conf    string
		profile string
		want    map[string]string // check ID: severity of its results; "" when it does not run
	}{
		"disabled by ID":       {conf: `checks { disabled = ["t_multi_az"] }`, want: map[string]string{"t_multi_az": "", "t_multi_region": "medium"}},
		"disabled by alias":    {conf: `checks { disabled = ["t_old_multi_az"] }`, want: map[string]string{"t_multi_az": "", "t_multi_region": "medium"}},
		"disabled by category": {conf: `checks { disabled = ["multi_region"] }`, want: map[string]string{"t_multi_az": "high", "t_multi_region": ""}},
		"enabled by section":   {conf: `checks { enabled = ["deployment"] }`, want: map[string]string{"t_multi_az": "high", "t_multi_region": "medium"}},
		"enabled narrows": {conf: `checks {
  enabled  = ["deployment"]
  disabled = ["t_multi_region"]
}`, want: map[string]string{"t_multi_az": "high", "t_multi_region": ""}},
		"severity block":   {conf: `severity "t_multi_az" { level = "low" }`, want: map[string]string{"t_multi_az": "low", "t_multi_region": "medium"}},
		"severity map":     {conf: `severities = { t_old_multi_az = "critical", t_multi_region = "high" }`, want: map[string]string{"t_multi_az": "critical", "t_multi_region": "high"}},
		"profile adjusts":  {conf: `severity "t_multi_az" { level = "critical" }`, profile: "development", want: map[string]string{"t_multi_az": "low", "t_multi_region": ""}},
		"nothing selected": {conf: `checks { enabled = ["security"] }`, want: map[string]string{"t_multi_az": "", "t_multi_region": ""}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			prof := tt.profile
			if prof == "" {
				prof = "production"
			}
			rep := run(t, []*model.Plan{decode(t, "plan.json", appPlan)}, []check.Check{multiAZ, multiRegion}, prof, parse(t, tt.conf))
			got := map[string]string{"t_multi_az": "", "t_multi_region": ""}
			for _, r := range rep.Results {
				if _, ok := got[r.CheckID]; ok {
					got[r.CheckID] = r.Severity.String()
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestBaseline(t *testing.T) {
	t.Parallel()
	plan := decode(t, "ci/plan.json", appPlan)
	first := run(t, []*model.Plan{plan}, []check.Check{multiAZ}, "production", nil)
	var entries []policy.BaselineEntry
	for _, r := range first.Results {
		if r.Status == check.StatusFail {
			entries = append(entries, policy.BaselineEntry{Input: r.Input, CheckID: r.CheckID, Address: r.Address})
		}
	}
	path := filepath.Join(t.TempDir(), "baseline.json")
	if err := os.WriteFile(path, policy.EncodeBaseline(entries), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := policy.ReadBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	if b.Len() != 6 {
		t.Errorf("baseline holds %d failures, want 6", b.Len())
	}
	// Another directory, the same file name: the baseline still matches.
	// Another directory, the same file name: the baseline still matches.
	// The waiver in aws_db_instance.legacy's tag applies first.
	pol := &policy.Policy{Baseline: b, Now: func() time.Time { return today }}
	again := run(t, []*model.Plan{decode(t, "elsewhere/plan.json", appPlan)}, []check.Check{multiAZ}, "production", pol)
	if s := again.Summary; s.Fail != 0 || s.Waived != 6 || !s.Ready {
		t.Errorf("summary with the baseline = %+v, want every failure waived", s)
	}
	inBaseline := 0
	for _, r := range again.Results {
		if r.InBaseline {
			inBaseline++
			if !strings.HasPrefix(r.Message, "in baseline "+path+": a failure recorded before; finding: ") {
				t.Errorf("%s: message %q", r.Address, r.Message)
			}
		}
	}
	if inBaseline != 5 {
		t.Errorf("%d results waived by the baseline, want 5", inBaseline)
	}
	// A failure the baseline does not record still fails.
	rep := run(t, []*model.Plan{plan}, []check.Check{multiAZ}, "production", &policy.Policy{Baseline: policy.NewBaseline("b.json", entries[:1]), Now: pol.Now})
	if s := rep.Summary; s.Fail != 4 || s.Waived != 2 || s.Ready {
		t.Errorf("summary with one failure in the baseline = %+v", s)
	}
}

func TestReadBaselineErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := map[string]struct{ path, want string }{
		"missing":       {filepath.Join(dir, "nope.json"), "no such file"},
		"not JSON":      {write("bad.json", "{"), "not a readiness baseline"},
		"other fields":  {write("other.json", `{"version":1,"results":[]}`), "not a readiness baseline"},
		"other version": {write("v2.json", `{"version":2,"failures":[]}`), "unsupported version 2"},
	}
	for name, tt := range tests {
		if _, err := policy.ReadBaseline(tt.path); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error = %v, want %q", name, err, tt.want)
		}
	}
}

func TestManualList(t *testing.T) {
	t.Parallel()
	pol := parse(t, `
attest "load_tests" {
  by   = "alice"
  on   = "2026-01-31"
  note = "k6"
}
`)
	rep := run(t, []*model.Plan{decode(t, "plan.json", appPlan)}, nil, "production", pol)
	want := []engine.ManualItem{
		{Item: "incident_drills", Section: "on_call", Title: "Incident response drills"},
		{Item: "load_tests", Section: "load_tests", Title: "Load tests at expected and peak traffic", Attested: true, By: "alice", On: "2026-01-31", Note: "k6"},
		{Item: "code_quality", Section: "quality", Title: "Code quality: tests, reviews and static analysis"},
		{Item: "release_process", Section: "release", Title: "Release process: versioning, changelog and approvals"},
		{Item: "restore_drills", Section: "disaster_recovery", Title: "Restore drills"},
		{Item: "documentation", Section: "documentation", Title: "Service documentation: architecture, dependencies, owners"},
	}
	if diff := cmp.Diff(want, rep.Manual); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Without a policy every item is listed, unattested.
	rep = run(t, nil, nil, "production", nil)
	if len(rep.Manual) != len(want) || rep.Manual[1].Attested {
		t.Errorf("manual without a policy = %+v", rep.Manual)
	}
}
