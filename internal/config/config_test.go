package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/hcl/v2"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/period"
	"github.com/prodready/terraform-provider-readiness/internal/policy"
)

const full = `
profile   = "Staging"
fail_on   = "medium"
tier_tags = ["environment", "tier"]

checks {
  enabled  = ["deployment", "disaster_recovery"]
  disabled = ["multi_region", "aws_rds_multi_az"]
}

severity "aws_s3_versioning" {
  level = "low"
}
severities = { aws_rds_backup_retention = "critical" }

objective "databases" {
  resources = ["aws_db_instance.*", "module.data[*].aws_dynamodb_table.*"]
  tags      = { tier = "critical" }
  rpo       = "1h"
  rto       = "4h"
}

attest "load_tests" {
  by   = "alice@example.com"
  on   = "2026-01-31"
  note = "k6"
}

waiver {
  check   = "aws_rds_multi_az"
  address = "module.app[\"*\"].aws_db_instance.*"
  input   = "prod-*.json"
  reason  = "migration"
  owner   = "db-team"
  expires = "2026-12-31"
}

check "team_graviton" {
  title          = "Graviton"
  resource_types = ["aws_db_instance"]
  section        = "deployment"
  category       = "instance_choice"
  severity       = "low"
  condition      = can(regex("g", self.after.instance_class))
  message        = "${self.address} is not on Graviton"
  remediation    = "Use a g class."
  docs           = "https://wiki.example.com/graviton"
}
`

func TestParseFull(t *testing.T) {
	t.Parallel()
	c, diags := Parse([]byte(full), ".readiness.hcl")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if diags := c.Validate(checks.All()); diags.HasErrors() {
		t.Fatal(diags)
	}
	p := c.Policy
	if c.Profile != "staging" || c.FailOn != "medium" || p.Source != ".readiness.hcl" {
		t.Errorf("profile %q, fail_on %q, source %q", c.Profile, c.FailOn, p.Source)
	}
	if diff := cmp.Diff([]string{"environment", "tier"}, p.TierTags); diff != "" {
		t.Errorf("tier tags (-want +got):\n%s", diff)
	}
	var enabled, disabled []string
	for _, n := range p.Enabled {
		enabled = append(enabled, n.Value)
	}
	for _, n := range p.Disabled {
		disabled = append(disabled, n.Value)
	}
	if diff := cmp.Diff([]string{"deployment", "disaster_recovery"}, enabled); diff != "" {
		t.Errorf("enabled (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"multi_region", "aws_rds_multi_az"}, disabled); diff != "" {
		t.Errorf("disabled (-want +got):\n%s", diff)
	}
	if p.Severity["aws_s3_versioning"].Level != check.SeverityLow || p.Severity["aws_rds_backup_retention"].Level != check.SeverityCritical {
		t.Errorf("severities = %+v", p.Severity)
	}
	if len(p.Objectives) != 1 {
		t.Fatalf("objectives = %+v", p.Objectives)
	}
	o := p.Objectives[0]
	if o.Name != "databases" || *o.RPO != time.Hour || *o.RTO != 4*time.Hour || o.Tags["tier"] != "critical" || len(o.Resources) != 2 || o.Source != ".readiness.hcl:16" {
		t.Errorf("objective = %+v", o)
	}
	if a := p.Attestations["load_tests"]; a.By != "alice@example.com" || a.On != "2026-01-31" || a.Note != "k6" {
		t.Errorf("attestation = %+v", a)
	}
	if len(p.Waivers) != 1 {
		t.Fatalf("waivers = %+v", p.Waivers)
	}
	w := p.Waivers[0]
	if w.Check != "aws_rds_multi_az" || w.Address.String() != `module.app["*"].aws_db_instance.*` || w.Input != "prod-*.json" ||
		w.Reason != "migration" || w.Owner != "db-team" || w.Expires.Format(period.DateLayout) != "2026-12-31" || w.Source != ".readiness.hcl:29" {
		t.Errorf("waiver = %+v", w)
	}
	if len(p.Custom) != 1 {
		t.Fatalf("custom = %+v", p.Custom)
	}
	cc := p.Custom[0]
	if cc.ID != "team_graviton" || cc.Title != "Graviton" || cc.Section != "deployment" || cc.Category != "instance_choice" ||
		cc.Severity != check.SeverityLow || cc.Remediation != "Use a g class." || cc.Docs != "https://wiki.example.com/graviton" ||
		len(cc.ResourceTypes) != 1 || cc.Condition == nil || cc.Message == nil {
		t.Errorf("custom = %+v", cc)
	}
}

// TestParseProfileAliases: prod, stage and dev name their profiles, which
// the configuration then holds by their full names.
func TestParseProfileAliases(t *testing.T) {
	t.Parallel()
	for alias, want := range map[string]string{"prod": "production", "Stage": "staging", "dev": "development", "production": "production"} {
		c, diags := Parse([]byte("profile = \""+alias+"\"\n"), ".readiness.hcl")
		if diags.HasErrors() || c.Profile != want {
			t.Errorf("profile = %q: %q, %v; want %q", alias, c.Profile, diags, want)
		}
	}
}

func TestParseDefaults(t *testing.T) {
	t.Parallel()
	c, diags := Parse([]byte(`check "mine" {
  resource_types = ["aws_s3_bucket"]
  condition      = true
}`), "x.hcl")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	cc := c.Policy.Custom[0]
	if cc.Title != "mine" || cc.Section != "custom" || cc.Category != "check_block" || cc.Severity != check.SeverityMedium {
		t.Errorf("defaults = %+v", cc.Meta)
	}
	if c.Profile != "" || c.FailOn != "" || c.Gate != "" {
		t.Errorf("unset profile %q, fail_on %q, gate %q", c.Profile, c.FailOn, c.Gate)
	}
	empty, diags := Parse(nil, "empty.hcl")
	if diags.HasErrors() || empty.Policy == nil {
		t.Errorf("an empty file: %v", diags)
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		src  string
		want []string // diagnostics, each as Error() renders it
	}{
		"syntax": {
			src:  "profile = \n",
			want: []string{`.readiness.hcl:1,11-2,1: Invalid expression; Expected the start of an expression, but found an invalid expression token.`},
		},
		"unknown argument": {
			src:  "profile = \"production\"\nprofiel = \"x\"\n",
			want: []string{`.readiness.hcl:2,1-8: Unsupported argument; An argument named "profiel" is not expected here.`},
		},
		"unknown block": {
			src:  "ignore {\n}\n",
			want: []string{`.readiness.hcl:1,1-7: Unsupported block type; Blocks of type "ignore" are not expected here.`},
		},
		"bad profile": {
			src:  `profile = "beta"`,
			want: []string{`.readiness.hcl:1,11-17: Invalid profile; Unknown profile "beta" (want development, production, staging, or dev, prod, stage).`},
		},
		"misspelt profile": {
			src:  `profile = "stagin"`,
			want: []string{`.readiness.hcl:1,11-19: Invalid profile; Unknown profile "stagin" (want development, production, staging, or dev, prod, stage). Did you mean "staging"?`},
		},
		"misspelt fail_on": {
			src:  `fail_on = "hgh"`,
			want: []string{`.readiness.hcl:1,11-16: Invalid fail_on; Unknown fail-on level "hgh" (want critical, high, medium, low or none). Did you mean "high"?`},
		},
		"bad fail_on": {
			src:  `fail_on = "severe"`,
			want: []string{`.readiness.hcl:1,11-19: Invalid fail_on; Unknown fail-on level "severe" (want critical, high, medium, low or none).`},
		},
		"misspelt gate": {
			src:  `gate = "introducd"`,
			want: []string{`.readiness.hcl:1,8-19: Invalid gate; Unknown gate "introducd" (want all or introduced). Did you mean "introduced"?`},
		},
		"bad gate": {
			src:  `gate = "new"`,
			want: []string{`.readiness.hcl:1,8-13: Invalid gate; Unknown gate "new" (want all or introduced).`},
		},
		"wrong type": {
			src:  `tier_tags = "environment"`,
			want: []string{`.readiness.hcl:1,13-26: Incorrect value type; Want a list of strings, like ["a", "b"].`},
		},
		"variables are not allowed": {
			src:  `profile = var.profile`,
			want: []string{`.readiness.hcl:1,11-14: Variables not allowed; Variables may not be used here.`},
		},
		"bad severity level": {
			src:  "severity \"aws_rds_multi_az\" {\n  level = \"urgent\"\n}\n",
			want: []string{`.readiness.hcl:2,11-19: Invalid severity; Unknown severity "urgent" (want critical, high, medium or low).`},
		},
		"waiver without reason, bad date": {
			src: "waiver {\n  check   = \"aws_rds_multi_az\"\n  owner   = \"me\"\n  expires = \"31/12/2026\"\n}\n",
			want: []string{
				`.readiness.hcl:1,8-8: Missing required argument; The argument "reason" is required, but no definition was found.`,
				`.readiness.hcl:4,13-25: Invalid date; Invalid date "31/12/2026" (want YYYY-MM-DD, like "2026-12-31").`,
			},
		},
		"waiver bad date": {
			src:  "waiver {\n  check   = \"aws_rds_multi_az\"\n  reason  = \"r\"\n  owner   = \"me\"\n  expires = \"31/12/2026\"\n}\n",
			want: []string{`.readiness.hcl:5,13-25: Invalid date; Invalid date "31/12/2026" (want YYYY-MM-DD, like "2026-12-31").`},
		},
		"waiver empty owner": {
			src:  "waiver {\n  check   = \"aws_rds_multi_az\"\n  reason  = \"r\"\n  owner   = \"  \"\n  expires = \"2026-12-31\"\n}\n",
			want: []string{`.readiness.hcl:4,13-17: Empty owner; A waiver must say its owner.`},
		},
		"waiver bad address": {
			src:  "waiver {\n  check   = \"aws_rds_multi_az\"\n  address = \"aws_db_instance.x[0\"\n  reason  = \"r\"\n  owner   = \"o\"\n  expires = \"2026-12-31\"\n}\n",
			want: []string{`.readiness.hcl:3,13-34: Invalid address pattern; Missing ] in "aws_db_instance.x[0".`},
		},
		"objective bad duration": {
			src:  "objective \"db\" {\n  rpo = \"1 hour\"\n}\n",
			want: []string{`.readiness.hcl:2,9-17: Invalid duration; Invalid duration "1 hour": unknown unit " " (want s, m, h, d or w).`},
		},
		"objective without objectives": {
			src:  "objective \"db\" {\n  resources = [\"aws_db_instance.*\"]\n}\n",
			want: []string{`.readiness.hcl:1,1-15: Missing objective; An objective block declares rpo, rto or both, as durations like "1h".`},
		},
		"unknown attest item": {
			src:  "attest \"load_testing\" {\n  by = \"me\"\n  on = \"2026-01-01\"\n}\n",
			want: []string{`.readiness.hcl:1,8-22: Unknown checklist item; No manual checklist item is called "load_testing". The items are: code_quality, documentation, incident_drills, load_tests, release_process, restore_drills.`},
		},
		"attest bad date": {
			src:  "attest \"load_tests\" {\n  by = \"me\"\n  on = \"yesterday\"\n}\n",
			want: []string{`.readiness.hcl:3,8-19: Invalid date; Invalid date "yesterday" (want YYYY-MM-DD, like "2026-12-31").`},
		},
		"duplicate blocks": {
			src: "checks {\n}\nchecks {\n}\nattest \"load_tests\" {\n  by = \"a\"\n  on = \"2026-01-01\"\n}\nattest \"load_tests\" {\n  by = \"b\"\n  on = \"2026-01-02\"\n}\n",
			want: []string{
				`.readiness.hcl:3,1-7: Duplicate checks block; checks "" was already declared at .readiness.hcl:1,1-7.`,
				`.readiness.hcl:9,8-20: Duplicate attest block; attest "load_tests" was already declared at .readiness.hcl:5,8-20.`,
			},
		},
		"custom check mistakes": {
			src: `check "mine" {
  resource_types = []
  section        = "ops"
  category       = "uptime"
  condition      = fileexists("/etc/passwd") && var.x
  message        = templatefile("m.tpl", {})
}`,
			want: []string{
				`.readiness.hcl:2,20-22: No resource types; A check names the resource types it judges, like ["aws_db_instance"].`,
				`.readiness.hcl:3,20-25: Unknown section; "ops" is not a checklist section. The sections are: alerts_metrics, sop, on_call, deployment, observability, load_tests, quality, release, disaster_recovery, security, documentation, custom.`,
				`.readiness.hcl:4,20-28: Unknown category; "uptime" is not a checklist category. The categories are: ` + strings.Join(check.Categories, ", ") + `.`,
				`.readiness.hcl:5,49-54: Unknown variable; There is no variable named "var": a check's expressions read the resource as self (self.after, self.tags, self.refs, self.referrers, ...).`,
				`.readiness.hcl:5,20-30: Call to unknown function; There is no function named "fileexists" in readiness checks: they read only the plan, never files, the network or the clock. Available: ` + strings.Join(policy.FunctionNames(), ", ") + `.`,
				`.readiness.hcl:6,20-32: Call to unknown function; There is no function named "templatefile" in readiness checks: they read only the plan, never files, the network or the clock. Available: ` + strings.Join(policy.FunctionNames(), ", ") + `.`,
			},
		},
		"custom check bad ID": {
			src:  "check \"my check\" {\n  resource_types = [\"aws_s3_bucket\"]\n  condition = true\n}\n",
			want: []string{`.readiness.hcl:1,7-17: Invalid check ID; Check IDs are letters, digits, _ and -, starting with a letter, like "team_rds_multi_az".`},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, diags := Parse([]byte(tt.src), ".readiness.hcl")
			if c != nil {
				t.Errorf("Parse returned a configuration despite errors")
			}
			if diff := cmp.Diff(tt.want, formatted(diags)); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	src := `checks {
  disabled = ["aws_rds_multi_a", "observability", "aws_lambda_tracing"]
}
severity "multi_az" {
  level = "low"
}
severity "recovery_objectives_rpo" {
  level = "medium"
}
waiver {
  check   = "deployment"
  reason  = "r"
  owner   = "o"
  expires = "2026-12-31"
}
check "aws_rds_multi_az" {
  resource_types = ["aws_db_instance"]
  condition      = true
}
`
	c, diags := Parse([]byte(src), ".readiness.hcl")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	got := formatted(c.Validate(checks.All()))
	want := []string{
		`.readiness.hcl:16,1-25: Duplicate check ID; A built-in check is already called "aws_rds_multi_az" (or one of its former IDs is): give the custom check another ID.`,
		`.readiness.hcl:2,15-32: Unknown check; "aws_rds_multi_a" is not a check ID, a category or a section. Did you mean "aws_rds_multi_az"? 'readiness checks' lists the checks.`,
		`.readiness.hcl:4,10-20: Unknown check; "multi_az" is a category; name a check ID. 'readiness checks' lists the checks.`,
		`.readiness.hcl:11,13-25: Unknown check; "deployment" is a section; name a check ID or a category. 'readiness checks' lists the checks.`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestStarter(t *testing.T) {
	t.Parallel()
	c, diags := Parse([]byte(Starter), FileName)
	if diags.HasErrors() {
		t.Fatalf("the starter does not parse: %v", diags)
	}
	if diags := c.Validate(checks.All()); diags.HasErrors() {
		t.Fatalf("the starter names unknown checks: %v", diags)
	}
	if c.Profile != "production" || c.FailOn != "high" || len(c.Policy.Waivers)+len(c.Policy.Custom)+len(c.Policy.Objectives) != 0 {
		t.Errorf("the starter changes more than its defaults: %+v", c)
	}
	// Every commented example parses too, once uncommented.
	var b strings.Builder
	for _, line := range strings.Split(Starter, "\n") {
		if rest, ok := strings.CutPrefix(line, "# "); ok && (strings.Contains(rest, " = ") || strings.HasSuffix(rest, "{") || rest == "}" || strings.HasPrefix(rest, "  ")) &&
			!strings.HasPrefix(rest, "  \"check_id") {
			line = rest
		}
		b.WriteString(line + "\n")
	}
	c, diags = Parse([]byte(b.String()), FileName)
	if diags.HasErrors() {
		t.Fatalf("the starter's examples do not parse: %v\n%s", diags, b.String())
	}
	if diags := c.Validate(checks.All()); diags.HasErrors() {
		t.Fatalf("the starter's examples name unknown checks: %v", diags)
	}
	if len(c.Policy.Waivers) != 1 || len(c.Policy.Custom) != 1 || len(c.Policy.Objectives) != 1 || len(c.Policy.Attestations) != 1 || len(c.Policy.Severity) != 1 {
		t.Errorf("not every example was uncommented: %+v", c.Policy)
	}
}

func TestFind(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	deep := filepath.Join(repo, "infra", "prod")
	mustMkdir(t, filepath.Join(repo, ".git"))
	mustMkdir(t, deep)

	if got, err := Find(deep); err != nil || got != "" {
		t.Errorf("no file: Find = %q, %v", got, err)
	}
	// Above the repository's root: not found.
	mustWrite(t, filepath.Join(root, FileName), "")
	if got, err := Find(deep); err != nil || got != "" {
		t.Errorf("file above the repository: Find = %q, %v", got, err)
	}
	mustWrite(t, filepath.Join(repo, FileName), "")
	if got, err := Find(deep); err != nil || got != filepath.Join(repo, FileName) {
		t.Errorf("file at the repository's root: Find = %q, %v", got, err)
	}
	mustWrite(t, filepath.Join(deep, FileName), "")
	if got, err := Find(deep); err != nil || got != filepath.Join(deep, FileName) {
		t.Errorf("file in the directory itself: Find = %q, %v", got, err)
	}
	// A directory called .readiness.hcl is not a configuration.
	other := filepath.Join(repo, "other")
	mustMkdir(t, filepath.Join(other, FileName))
	if got, err := Find(other); err != nil || got != filepath.Join(repo, FileName) {
		t.Errorf("directory named like the file: Find = %q, %v", got, err)
	}
}

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := map[string]struct{ path, want string }{
		"missing":   {filepath.Join(dir, "nope.hcl"), "nope.hcl: Cannot read the configuration; no such file"},
		"directory": {dir, "nope.hcl: Cannot read the configuration; is a directory"},
	}
	for name, tt := range tests {
		_, diags := Load(tt.path, "nope.hcl")
		if len(diags) != 1 || Format(diags[0]) != tt.want {
			t.Errorf("%s: %v, want %q", name, diags, tt.want)
		}
	}
	path := filepath.Join(dir, "good.hcl")
	mustWrite(t, path, `fail_on = "low"`)
	if c, diags := Load(path, "good.hcl"); diags.HasErrors() || c.FailOn != "low" || c.Path != "good.hcl" {
		t.Errorf("Load = %+v, %v", c, diags)
	}
}

func mustMkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func mustWrite(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestParseGate: gate is the default of --gate, in any case.
func TestParseGate(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		`gate = "introduced"`: "introduced",
		`gate = "Introduced"`: "introduced",
		`gate = "all"`:        "all",
		``:                    "",
	}
	for src, want := range tests {
		t.Run(src, func(t *testing.T) {
			t.Parallel()
			c, diags := Parse([]byte(src), ".readiness.hcl")
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			if c.Gate != want {
				t.Errorf("gate = %q, want %q", c.Gate, want)
			}
		})
	}
}

// formatted renders each diagnostic as Format does.
func formatted(diags hcl.Diagnostics) []string {
	var out []string
	for _, d := range diags {
		out = append(out, Format(d))
	}
	return out
}
