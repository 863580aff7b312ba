package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/config"
	"github.com/prodready/terraform-provider-readiness/internal/report"
)

// writeConfig writes a configuration file into a new directory and returns
// its path.
func writeConfig(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), config.FileName)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// policyDoc is what the policy adds to the JSON report.
type policyDoc struct {
	Summary struct {
		Ready  bool `json:"ready"`
		Fail   int  `json:"fail"`
		Waived int  `json:"waived"`
	} `json:"summary"`
	Results []struct {
		CheckID string `json:"check_id"`
		Status  string `json:"status"`
		Address string `json:"address"`
		Message string `json:"message"`
	} `json:"results"`
	Manual []struct {
		Item     string `json:"item"`
		Section  string `json:"section"`
		Attested bool   `json:"attested"`
		By       string `json:"by"`
		On       string `json:"on"`
	} `json:"manual"`
}

func decodePolicyDoc(t *testing.T, data string) policyDoc {
	t.Helper()
	var doc policyDoc
	if err := json.Unmarshal([]byte(data), &doc); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, data)
	}
	return doc
}

const waiveBlue = `
checks {
  disabled = ["recovery_objectives"]
}
waiver {
  check   = "TEST_OLD_MULTI_AZ"
  address = "module.app[*].aws_db_instance.main"
  reason  = "migrating to Aurora"
  owner   = "db-team"
  expires = "2999-12-31"
}
attest "load_tests" {
  by = "alice"
  on = "2026-01-31"
}
`

func TestScanConfigWaiver(t *testing.T) {
	t.Parallel()
	conf := writeConfig(t, waiveBlue)
	o := run(testChecks, "scan", "--config", conf, "--format", "json", "testdata/not_ready.json")
	if o.code != ExitReady {
		t.Fatalf("exit code = %d, want %d (the high failure is waived, the medium ones do not block); stderr:\n%s", o.code, ExitReady, o.stderr)
	}
	doc := decodePolicyDoc(t, o.stdout)
	if doc.Summary.Waived != 1 || doc.Summary.Fail != 2 || !doc.Summary.Ready {
		t.Errorf("summary = %+v", doc.Summary)
	}
	for _, r := range doc.Results {
		if r.Status == "waived" && (r.CheckID != "TEST_RDS_MULTI_AZ" || r.Address != `module.app["blue"].aws_db_instance.main[0]` ||
			!strings.HasPrefix(r.Message, "waived by db-team until 2999-12-31: migrating to Aurora ["+conf+":5]; finding: ")) {
			t.Errorf("waived result = %+v", r)
		}
	}
	if len(doc.Manual) != 6 || doc.Manual[1].Item != "load_tests" || !doc.Manual[1].Attested || doc.Manual[1].By != "alice" || doc.Manual[0].Attested {
		t.Errorf("manual = %+v", doc.Manual)
	}
	if o.stderr != "" {
		t.Errorf("stderr = %q", o.stderr)
	}
	assertClean(t, o)
}

func TestScanConfigText(t *testing.T) {
	t.Parallel()
	conf := writeConfig(t, waiveBlue)
	o := run(testChecks, "scan", "--config", conf, "testdata/not_ready.json")
	for _, want := range []string{
		"READY  score 50/100 (1 waived)  (fail-on high, profile production)\n" +
			"this plan introduces no blocking gap (2 below --fail-on high)\n" +
			"fail 2 (critical 0, high 0, medium 2, low 0)  unknown 1  waived 1  baselined 0  pass 2\n",
		"  WAIVED   high      TEST_RDS_MULTI_AZ  module.app[\"blue\"].aws_db_instance.main[0]  (introduced)\n",
		"\nmanual checklist items  attested 1 of 6\n  attested      load_tests  by alice on 2026-01-31\n  not attested  incident_drills, code_quality, release_process, restore_drills, documentation\n",
	} {
		if !strings.Contains(o.stdout, want) {
			t.Errorf("text report lacks %q:\n%s", want, o.stdout)
		}
	}
}

func TestScanConfigDefaults(t *testing.T) {
	t.Parallel()
	conf := writeConfig(t, "profile = \"development\"\nfail_on = \"low\"\nchecks {\n  disabled = [\"recovery_objectives\"]\n}\n")
	tests := map[string]struct {
		args     []string
		wantCode int
		want     string
	}{
		"from the file":       {args: nil, wantCode: ExitNotReady, want: "(fail-on low, profile development)"},
		"flags win":           {args: []string{"--fail-on", "critical"}, wantCode: ExitReady, want: "(fail-on critical, profile development)"},
		"profile flag wins":   {args: []string{"--profile", "production", "--fail-on", "high"}, wantCode: ExitNotReady, want: "(fail-on high, profile production)"},
		"same value as flags": {args: []string{"--profile", "production"}, wantCode: ExitNotReady, want: "(fail-on low, profile production)"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			args := append([]string{"scan", "--config", conf}, tt.args...)
			o := run(testChecks, append(args, "testdata/not_ready.json")...)
			if o.code != tt.wantCode || !strings.Contains(o.stdout, tt.want) {
				t.Errorf("exit code %d (want %d), stdout:\n%s\nstderr: %s", o.code, tt.wantCode, o.stdout, o.stderr)
			}
		})
	}
}

func TestScanConfigErrors(t *testing.T) {
	t.Parallel()
	bad := writeConfig(t, "profile = \"beta\"\n\nwaiver {\n  check   = \"TEST_RDS_MULTI_A\"\n  reason  = \"r\"\n  owner   = \"o\"\n  expires = \"2026-12-31\"\n  until   = \"never\"\n}\n")
	unknown := writeConfig(t, "checks {\n  disabled = [\"TEST_RDS_MULTI_A\"]\n}\n")
	tests := map[string]struct {
		args       []string
		wantStderr string
	}{
		"syntax and schema": {
			args: []string{"scan", "--config", bad, "testdata/ready.json"},
			wantStderr: "readiness: " + bad + ":1,11-17: Invalid profile; Unknown profile \"beta\" (want development, production, staging, or dev, prod, stage).\n" +
				"readiness: " + bad + ":8,3-8: Unsupported argument; An argument named \"until\" is not expected here.\n" +
				"readiness: " + bad + ":4,13-31: Unknown check; \"TEST_RDS_MULTI_A\" is not a check ID or a category. Did you mean \"TEST_RDS_MULTI_AZ\"? 'readiness checks' lists the checks.\n",
		},
		"unknown check": {
			args:       []string{"scan", "--config", unknown, "testdata/ready.json"},
			wantStderr: "readiness: " + unknown + ":2,15-33: Unknown check; \"TEST_RDS_MULTI_A\" is not a check ID, a category or a section. Did you mean \"TEST_RDS_MULTI_AZ\"? 'readiness checks' lists the checks.\n",
		},
		"missing config": {
			args:       []string{"scan", "--config", "testdata/nope.hcl", "testdata/ready.json"},
			wantStderr: "readiness: testdata/nope.hcl: Cannot read the configuration; no such file\n",
		},
		"missing baseline": {
			args:       []string{"scan", "--baseline", "testdata/nope.json", "testdata/ready.json"},
			wantStderr: "readiness: read baseline testdata/nope.json: no such file\n",
		},
		"baseline over an input": {
			args:       []string{"scan", "--write-baseline", "testdata/ready.json", "testdata/ready.json"},
			wantStderr: "readiness: --write-baseline testdata/ready.json: testdata/ready.json is the input testdata/ready.json; refusing to overwrite it\nRun 'readiness scan --help' for usage.\n",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			o := run(testChecks, tt.args...)
			if o.code != ExitError || o.stdout != "" {
				t.Errorf("exit code %d, stdout %q", o.code, o.stdout)
			}
			if diff := cmp.Diff(tt.wantStderr, o.stderr); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
			assertClean(t, o)
		})
	}
}

func TestScanExpiredWaiver(t *testing.T) {
	t.Parallel()
	conf := writeConfig(t, `checks {
  disabled = ["recovery_objectives"]
}
waiver {
  check   = "TEST_RDS_MULTI_AZ"
  reason  = "was temporary"
  owner   = "db-team"
  expires = "2001-01-31"
}
`)
	o := run(testChecks, "scan", "--config", conf, "--format", "json", "testdata/not_ready.json")
	if o.code != ExitNotReady {
		t.Fatalf("exit code = %d, want %d", o.code, ExitNotReady)
	}
	want := "readiness: warning: " + conf + ":4: the waiver of TEST_RDS_MULTI_AZ by db-team expired on 2001-01-31; renew or remove it\n"
	if o.stderr != want {
		t.Errorf("stderr = %q, want %q", o.stderr, want)
	}
	doc := decodePolicyDoc(t, o.stdout)
	found := false
	for _, r := range doc.Results {
		if r.Status == "fail" && r.CheckID == "TEST_RDS_MULTI_AZ" {
			found = true
			if !strings.HasPrefix(r.Message, "the waiver by db-team expired on 2001-01-31 ["+conf+":4]; finding: ") {
				t.Errorf("message = %q", r.Message)
			}
		}
	}
	if !found || doc.Summary.Waived != 0 {
		t.Errorf("the expired waiver waived something: %+v", doc.Summary)
	}
}

func TestScanBaselineRoundTrip(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	baseline := filepath.Join(dir, "baseline.json")
	o := run(testChecks, "scan", "--write-baseline", baseline, "--format", "json", "testdata/ready.json", "testdata/not_ready.json")
	if o.code != ExitNotReady {
		t.Fatalf("exit code = %d; stderr %s", o.code, o.stderr)
	}
	data, err := os.ReadFile(baseline)
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "version": 1,
  "failures": [
    {
      "input": "not_ready.json",
      "check_id": "TEST_RDS_BACKUP",
      "address": "aws_db_instance.replica"
    },
    {
      "input": "not_ready.json",
      "check_id": "TEST_RDS_BACKUP",
      "address": "module.app[\"blue\"].aws_db_instance.main[0]"
    },
    {
      "input": "not_ready.json",
      "check_id": "TEST_RDS_MULTI_AZ",
      "address": "module.app[\"blue\"].aws_db_instance.main[0]"
    }
  ]
}
`
	if diff := cmp.Diff(want, string(data)); diff != "" {
		t.Errorf("baseline (-want +got):\n%s", diff)
	}

	// With the baseline, nothing is new: ready, every failure waived.
	o = run(testChecks, "scan", "--baseline", baseline, "--format", "json", "testdata/not_ready.json")
	if o.code != ExitReady {
		t.Fatalf("exit code with the baseline = %d; stderr %s", o.code, o.stderr)
	}
	doc := decodePolicyDoc(t, o.stdout)
	if doc.Summary.Fail != 0 || doc.Summary.Waived != 3 {
		t.Errorf("summary = %+v", doc.Summary)
	}

	// Rewriting the baseline from a scan that used it keeps the failures it
	// waived: the same bytes.
	again := filepath.Join(dir, "again.json")
	o = run(testChecks, "scan", "--baseline", baseline, "--write-baseline", again, "--format", "json="+filepath.Join(dir, "r.json"), "testdata/not_ready.json")
	if o.code != ExitReady {
		t.Fatalf("exit code = %d; stderr %s", o.code, o.stderr)
	}
	if data2, _ := os.ReadFile(again); string(data2) != string(data) {
		t.Errorf("rewritten baseline differs:\n%s", data2)
	}

	// Failures in the baseline do not block, whatever the threshold; an
	// empty baseline waives nothing.
	o = run(testChecks, "scan", "--baseline", baseline, "--fail-on", "medium", "testdata/not_ready.json")
	if o.code != ExitReady {
		t.Errorf("exit code = %d; stdout %s", o.code, o.stdout)
	}
	empty := filepath.Join(dir, "empty.json")
	if err := os.WriteFile(empty, []byte(`{"version": 1, "failures": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	o = run(testChecks, "scan", "--baseline", empty, "testdata/not_ready.json")
	if o.code != ExitNotReady || !strings.Contains(o.stdout, "fail 3") {
		t.Errorf("with an empty baseline: exit code %d\n%s", o.code, o.stdout)
	}
}

func TestInit(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, config.FileName)
	o := run(testChecks, "init", path)
	if o.code != ExitReady || o.stdout != "wrote "+path+": edit it, then run 'readiness scan PLAN'\n" || o.stderr != "" {
		t.Fatalf("init: code %d, stdout %q, stderr %q", o.code, o.stdout, o.stderr)
	}
	data, err := os.ReadFile(path)
	if err != nil || string(data) != config.Starter {
		t.Fatalf("init wrote %q, %v", data, err)
	}
	if err := os.WriteFile(path, []byte("# mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	o = run(testChecks, "init", path)
	if o.code != ExitError || o.stderr != "readiness: "+path+" already exists; use --force to replace it\n" {
		t.Errorf("init over a file: code %d, stderr %q", o.code, o.stderr)
	}
	if data, _ := os.ReadFile(path); string(data) != "# mine\n" {
		t.Errorf("init replaced the file without --force")
	}
	o = run(testChecks, "init", "--force", path)
	if data, _ := os.ReadFile(path); o.code != ExitReady || string(data) != config.Starter {
		t.Errorf("init --force: code %d, stderr %q", o.code, o.stderr)
	}
	assertOnly(t, dir, config.FileName)

	// The starter is a configuration scan accepts as it is.
	o = run(testChecks, "scan", "--config", path, "testdata/ready.json")
	if o.code != ExitReady || o.stderr != "" {
		t.Errorf("scan with the starter: code %d, stderr %q\n%s", o.code, o.stderr, o.stdout)
	}
}

// TestCustomCheckRedaction: a custom check that tries to print every value
// of every resource, its neighbours' included, into its message and
// evidence, in every format, prints no secret.
func TestCustomCheckRedaction(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	conf := writeConfig(t, `
check "team_dump" {
  resource_types = ["aws_db_instance"]
  condition      = false
  message        = "${jsonencode(self.after)} ${jsonencode(self.before)} ${jsonencode(self.refs)} ${jsonencode(self.referrers)} ${self.after.password}"
}
check "team_dump_safe" {
  resource_types = ["aws_db_instance"]
  condition      = false
  message        = "${self.address} has ${length(keys(self.after))} attributes and tags ${jsonencode(self.tags)}"
}
`)
	args := []string{"scan", "--fail-on", "none", "--config", conf}
	for _, name := range report.Names() {
		args = append(args, "--format", name+"="+filepath.Join(dir, "report."+name))
	}
	o := run(testChecks, append(args, "testdata/canaries.json")...)
	if o.code != ExitReady {
		t.Fatalf("exit %d: %s", o.code, o.stderr)
	}
	outputs := map[string]string{"stdout": o.stdout, "stderr": o.stderr}
	for _, name := range report.Names() {
		data, err := os.ReadFile(filepath.Join(dir, "report."+name))
		if err != nil {
			t.Fatal(err)
		}
		outputs[name] = string(data)
	}
	if !strings.Contains(outputs["json"], "team_dump_safe") || !strings.Contains(outputs["json"], "attributes and tags") {
		t.Fatal("the custom checks did not run: the test would prove nothing")
	}
	for where, text := range outputs {
		if i := strings.Index(text, "CANARY-"); i >= 0 {
			t.Errorf("%s leaks a sensitive value: ...%s...", where, text[max(0, i-60):min(len(text), i+40)])
		}
	}
}

// TestExplainObjectiveCheck: the recovery objective checks are the
// catalogue's: explain knows them, with their generated page, and checks
// lists them.
func TestExplainObjectiveCheck(t *testing.T) {
	t.Parallel()
	var stdout, stderr strings.Builder
	if code := Run([]string{"explain", "recovery_objectives_rpo"}, &stdout, &stderr); code != ExitReady {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "docs/checks/recovery_objectives_rpo.md") {
		t.Errorf("explain output:\n%s", stdout.String())
	}
	stdout.Reset()
	if code := Run([]string{"checks", "--category", "recovery_objectives"}, &stdout, &stderr); code != ExitReady {
		t.Fatalf("checks: exit %d: %s", code, stderr.String())
	}
	for _, id := range []string{"recovery_objectives_declared", "recovery_objectives_rpo", "recovery_objectives_rto", "recovery_objectives_backup_plan"} {
		if !strings.Contains(stdout.String(), id) {
			t.Errorf("checks does not list %s:\n%s", id, stdout.String())
		}
	}
}
