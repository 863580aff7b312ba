package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/prodready/terraform-provider-readiness/internal/check"
)

func TestScanExitCodes(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		args       []string
		checks     []check.Check
		wantCode   int
		wantStdout string // substring
		wantStderr string // exact, or a prefix of the one line when it does not end in a newline
	}{
		"ready": {
			args: []string{"scan", "testdata/ready.json"}, wantCode: ExitReady,
			wantStdout: "READY  score 100/100  (fail-on high, profile production)\nthis plan introduces no gap\nfail 0 (critical 0, high 0, medium 0, low 0)  unknown 0  waived 0  baselined 0  pass 2\n",
		},
		"not ready": {
			args: []string{"scan", "testdata/not_ready.json"}, wantCode: ExitNotReady,
			wantStdout: "NOT READY  score 40/100  (fail-on high, profile production)\n" +
				"this plan introduces 1 blocking gap (and 2 below --fail-on high)\n" +
				"fail 3 (critical 0, high 1, medium 2, low 0)  unknown 1  waived 0  baselined 0  pass 2\n",
		},
		"module address printed as in the plan": {
			args: []string{"scan", "testdata/not_ready.json"}, wantCode: ExitNotReady,
			wantStdout: "  high      introduced  module.app[\"blue\"].aws_db_instance.main[0] — The instance runs in one availability zone.\n",
		},
		"fail-on none": {
			args: []string{"scan", "--fail-on", "none", "testdata/not_ready.json"}, wantCode: ExitReady,
			wantStdout: "NOT READY (not enforced)  score 40/100  (fail-on none, profile production)\n",
		},
		"fail-on critical": {
			args: []string{"scan", "--fail-on=critical", "testdata/not_ready.json"}, wantCode: ExitReady,
		},
		"fail-on medium fails on the backup check alone": {
			args: []string{"scan", "--fail-on", "medium", "testdata/not_ready.json"}, checks: []check.Check{testBackup}, wantCode: ExitNotReady,
		},
		"fail-on high ignores the medium failure": {
			args: []string{"scan", "--fail-on", "high", "testdata/not_ready.json"}, checks: []check.Check{testBackup}, wantCode: ExitReady,
		},
		"fail-on is case-insensitive": {
			args: []string{"scan", "--fail-on", "HIGH", "testdata/not_ready.json"}, wantCode: ExitNotReady,
		},
		"development profile lowers severities": {
			args: []string{"scan", "--profile", "development", "testdata/not_ready.json"}, wantCode: ExitReady,
			wantStdout: "(fail-on high, profile development)",
		},
		"empty catalogue": {
			args: []string{"scan", "testdata/not_ready.json"}, checks: []check.Check{}, wantCode: ExitReady,
			wantStdout: "No check applied to these inputs.",
		},
		"several inputs": {
			args: []string{"scan", "testdata/ready.json", "testdata/not_ready.json"}, wantCode: ExitNotReady,
			// Each input has a line of its own: its verdict and counts.
			wantStdout: "inputs (2)\n" +
				"  READY      blocking 0  fail 0 (critical 0, high 0, medium 0, low 0)  unknown 0  pass 2  testdata/ready.json (plan, terraform 1.8.5)\n" +
				"  NOT READY  blocking 1  fail 3 (critical 0, high 1, medium 2, low 0)  unknown 1  pass 2  testdata/not_ready.json (plan, terraform 1.8.5)\n",
		},
		"check error on an otherwise ready plan": {
			args: []string{"scan", "testdata/ready.json"}, checks: []check.Check{testMultiAZ, testPanics}, wantCode: ExitError,
			wantStdout: "errors (1)\n  check TEST_PANICS could not judge testdata/ready.json aws_db_instance.orders: internal error: boom\n",
			wantStderr: "readiness: 1 error(s): the plan cannot be called ready while part of it could not be judged (see errors in the report)\n",
		},
		"check error on a plan not ready": {
			args: []string{"scan", "testdata/not_ready.json"}, checks: []check.Check{testMultiAZ, testPanics}, wantCode: ExitNotReady,
		},
		"no path": {
			args: []string{"scan"}, wantCode: ExitError,
			wantStderr: "readiness: requires at least 1 arg(s), only received 0\nRun 'readiness scan --help' for usage.\n",
		},
		"unknown flag": {
			args: []string{"scan", "--fial-on", "low", "testdata/ready.json"}, wantCode: ExitError,
			wantStderr: "readiness: unknown flag: --fial-on\nRun 'readiness scan --help' for usage.\n",
		},
		"flag without value": {
			args: []string{"scan", "testdata/ready.json", "--fail-on"}, wantCode: ExitError,
			wantStderr: "readiness: flag needs an argument: --fail-on\nRun 'readiness scan --help' for usage.\n",
		},
		"bad fail-on": {
			args: []string{"scan", "--fail-on", "severe", "testdata/ready.json"}, wantCode: ExitError,
			wantStderr: "readiness: unknown fail-on level \"severe\" (want critical, high, medium, low or none)\nRun 'readiness scan --help' for usage.\n",
		},
		"bad profile": {
			args: []string{"scan", "--profile", "beta", "testdata/ready.json"}, wantCode: ExitError,
			wantStderr: "readiness: unknown profile \"beta\" (want development, production, staging, or dev, prod, stage)\nRun 'readiness scan --help' for usage.\n",
		},
		"unknown format": {
			args: []string{"scan", "--format", "yaml", "testdata/ready.json"}, wantCode: ExitError,
			wantStderr: "readiness: unknown format \"yaml\" (want github, gitlab, html, json, junit, markdown, sarif, text)\nRun 'readiness scan --help' for usage.\n",
		},
		"unknown format to a file": {
			args: []string{"scan", "--format", "yaml=out.yaml", "testdata/ready.json"}, wantCode: ExitError,
			wantStderr: "readiness: unknown format \"yaml\" (want github, gitlab, html, json, junit, markdown, sarif, text)\nRun 'readiness scan --help' for usage.\n",
		},
		"two formats to stdout": {
			args: []string{"scan", "--format", "text", "--format", "json", "testdata/ready.json"}, wantCode: ExitError,
			wantStderr: "readiness: only one --format can write to standard output; send the others to files with --format FMT=FILE\nRun 'readiness scan --help' for usage.\n",
		},
		"format without file name": {
			args: []string{"scan", "--format", "json=", "testdata/ready.json"}, wantCode: ExitError,
			wantStderr: "readiness: --format json=: missing file name after '='\nRun 'readiness scan --help' for usage.\n",
		},
		"report over an input": {
			args: []string{"scan", "--format", "json=testdata/./ready.json", "testdata/ready.json"}, wantCode: ExitError,
			wantStderr: "readiness: --format json=testdata/./ready.json: testdata/./ready.json is the input testdata/ready.json; refusing to overwrite it\nRun 'readiness scan --help' for usage.\n",
		},
		"missing file": {
			args: []string{"scan", "testdata/missing.json"}, wantCode: ExitError,
			wantStderr: "readiness: read testdata/missing.json: no such file\n",
		},
		"directory": {
			args: []string{"scan", "testdata"}, wantCode: ExitError,
			wantStderr: "readiness: read testdata: is a directory",
		},
		"invalid JSON": {
			args: []string{"scan", "testdata/invalid.json"}, wantCode: ExitError,
			wantStderr: "readiness: read testdata/invalid.json: invalid JSON at line 4, column 24: ",
		},
		"empty file": {
			args: []string{"scan", "testdata/empty.json"}, wantCode: ExitError,
			wantStderr: "readiness: read testdata/empty.json: the file is empty\n",
		},
		"not a plan": {
			args: []string{"scan", "testdata/not_a_plan.json"}, wantCode: ExitError,
			wantStderr: "readiness: read testdata/not_a_plan.json: not a Terraform JSON plan or state",
		},
		"every unreadable input is named": {
			args: []string{"scan", "testdata/ready.json", "testdata/missing.json", "testdata/empty.json"}, wantCode: ExitError,
			wantStderr: "readiness: read testdata/missing.json: no such file\nreadiness: read testdata/empty.json: the file is empty\n",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checks := tt.checks
			if checks == nil {
				checks = testChecks
			}
			o := run(checks, tt.args...)
			if o.code != tt.wantCode {
				t.Errorf("exit code = %d, want %d; stderr:\n%s", o.code, tt.wantCode, o.stderr)
			}
			if !strings.Contains(o.stdout, tt.wantStdout) {
				t.Errorf("stdout does not contain %q:\n%s", tt.wantStdout, o.stdout)
			}
			if strings.HasSuffix(tt.wantStderr, "\n") || tt.wantStderr == "" {
				if o.stderr != tt.wantStderr {
					t.Errorf("stderr = %q, want %q", o.stderr, tt.wantStderr)
				}
			} else if !strings.HasPrefix(o.stderr, tt.wantStderr) || strings.Count(o.stderr, "\n") != 1 {
				t.Errorf("stderr = %q, want one line starting %q", o.stderr, tt.wantStderr)
			}
			if o.code == ExitError && o.stdout != "" && !strings.Contains(tt.wantStdout, "errors") {
				t.Errorf("an error run wrote to stdout:\n%s", o.stdout)
			}
			assertClean(t, o)
		})
	}
}

// jsonDoc is the JSON report as other tools read it.
type jsonDoc struct {
	SchemaVersion int `json:"schema_version"`
	Tool          struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	} `json:"tool"`
	Profile string `json:"profile"`
	Inputs  []struct {
		Path             string `json:"path"`
		Kind             string `json:"kind"`
		TerraformVersion string `json:"terraform_version"`
		FormatVersion    string `json:"format_version"`
	} `json:"inputs"`
	Summary struct {
		Ready bool `json:"ready"`
		Fail  int  `json:"fail"`
		Pass  int  `json:"pass"`
	} `json:"summary"`
	Results []struct {
		CheckID  string `json:"check_id"`
		Status   string `json:"status"`
		Severity string `json:"severity"`
		Address  string `json:"address"`
	} `json:"results"`
	Errors []string `json:"errors"`
}

func decodeReport(t *testing.T, data []byte) jsonDoc {
	t.Helper()
	var doc jsonDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, data)
	}
	return doc
}

func TestScanJSONToStdout(t *testing.T) {
	t.Parallel()
	o := run(testChecks, "scan", "--format", "json", "testdata/ready.json", "testdata/not_ready.json")
	if o.code != ExitNotReady {
		t.Fatalf("exit code = %d, want %d; stderr:\n%s", o.code, ExitNotReady, o.stderr)
	}
	doc := decodeReport(t, []byte(o.stdout))
	type row struct{ CheckID, Status, Severity, Address string }
	var got []row
	for _, r := range doc.Results {
		got = append(got, row{r.CheckID, r.Status, r.Severity, r.Address})
	}
	want := []row{
		{"TEST_RDS_MULTI_AZ", "pass", "high", "aws_db_instance.orders"},
		{"TEST_RDS_BACKUP", "pass", "medium", "aws_db_instance.orders"},
		{"TEST_RDS_MULTI_AZ", "unknown", "high", "aws_db_instance.replica"},
		{"TEST_RDS_MULTI_AZ", "fail", "high", `module.app["blue"].aws_db_instance.main[0]`},
		{"TEST_RDS_MULTI_AZ", "pass", "high", `module.app["green"].aws_db_instance.main[0]`},
		{"TEST_RDS_BACKUP", "fail", "medium", "aws_db_instance.replica"},
		{"TEST_RDS_BACKUP", "fail", "medium", `module.app["blue"].aws_db_instance.main[0]`},
		{"TEST_RDS_BACKUP", "pass", "medium", `module.app["green"].aws_db_instance.main[0]`},
	}
	if diff := cmp.Diff(want, got, cmpopts.SortSlices(func(a, b row) bool { return a.CheckID+a.Address < b.CheckID+b.Address })); diff != "" {
		t.Errorf("results (-want +got):\n%s", diff)
	}
	if doc.SchemaVersion != 1 || doc.Tool.Name != "readiness" || doc.Tool.Version != Version || doc.Profile != "production" {
		t.Errorf("header = %d %q %q %q", doc.SchemaVersion, doc.Tool.Name, doc.Tool.Version, doc.Profile)
	}
	if len(doc.Inputs) != 2 || doc.Inputs[1].TerraformVersion != "1.8.5" || doc.Inputs[1].FormatVersion != "1.2" {
		t.Errorf("inputs = %+v", doc.Inputs)
	}
	if strings.Contains(o.stdout, "\x1b[") {
		t.Error("JSON on stdout contains ANSI escapes")
	}
}

func TestScanWritesFileAndStdout(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "readiness.json")
	o := run(testChecks, "scan", "--format", "text", "--format", "json="+out, "testdata/not_ready.json")
	if o.code != ExitNotReady {
		t.Fatalf("exit code = %d, want %d; stderr:\n%s", o.code, ExitNotReady, o.stderr)
	}
	if !strings.HasPrefix(o.stdout, "NOT READY") {
		t.Errorf("stdout is not the text report:\n%s", o.stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if doc := decodeReport(t, data); doc.Summary.Ready || doc.Summary.Fail != 3 || doc.Summary.Pass != 2 {
		t.Errorf("file summary = %+v", doc.Summary)
	}
	info, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o644 {
		t.Errorf("report mode = %v, want 0644", perm)
	}
	assertOnly(t, dir, "readiness.json")
}

func TestScanFileOnly(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "report.txt")
	if err := os.WriteFile(out, []byte("old report\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	o := run(testChecks, "scan", "--format", "text="+out, "testdata/ready.json")
	if o.code != ExitReady || o.stdout != "" || o.stderr != "" {
		t.Fatalf("exit code = %d, stdout %q, stderr %q", o.code, o.stdout, o.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "READY  score 100/100") || strings.Contains(string(data), "\x1b[") {
		t.Errorf("file report:\n%s", data)
	}
	assertOnly(t, dir, "report.txt")
}

func TestScanLoadFailureWritesNothing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "readiness.json")
	o := run(testChecks, "scan", "--format", "text", "--format", "json="+out, "testdata/ready.json", "testdata/invalid.json", "testdata/not_ready.json")
	if o.code != ExitError {
		t.Fatalf("exit code = %d, want %d", o.code, ExitError)
	}
	if o.stdout != "" {
		t.Errorf("stdout = %q, want nothing", o.stdout)
	}
	if !strings.HasPrefix(o.stderr, "readiness: read testdata/invalid.json: invalid JSON at line 4, column 24") || strings.Count(o.stderr, "\n") != 1 {
		t.Errorf("stderr = %q", o.stderr)
	}
	assertOnly(t, dir)
}

func TestScanUnwritableOutput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := map[string]struct {
		path       string
		wantStderr string
	}{
		"missing directory": {path: filepath.Join(dir, "no", "such", "r.json"), wantStderr: "no such directory"},
		"directory":         {path: dir, wantStderr: "is a directory"},
		"under a file":      {path: filepath.Join("testdata", "ready.json", "r.json"), wantStderr: "not a directory"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			o := run(testChecks, "scan", "--format", "json="+tt.path, "testdata/ready.json")
			want := "readiness: write " + tt.path + ": " + tt.wantStderr + "\n"
			if o.code != ExitError || o.stderr != want {
				t.Errorf("exit code = %d, stderr = %q; want %d, %q", o.code, o.stderr, ExitError, want)
			}
			assertClean(t, o)
		})
	}
}

// TestScanRealPlans reads every real plan in ../shared/fixtures/real in one
// scan: each must load.
func TestScanRealPlans(t *testing.T) {
	t.Parallel()
	paths, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "fixtures", "real", "*.json"))
	if len(paths) == 0 {
		t.Skip("../shared/fixtures/real is absent: real plans not tested")
	}
	o := run(nil, append([]string{"scan", "--format", "json"}, paths...)...)
	if o.code != ExitReady {
		t.Fatalf("exit code = %d, want %d; stderr:\n%s", o.code, ExitReady, o.stderr)
	}
	if doc := decodeReport(t, []byte(o.stdout)); len(doc.Inputs) != len(paths) {
		t.Errorf("report has %d inputs, want %d", len(doc.Inputs), len(paths))
	}
}

// assertOnly fails unless dir holds exactly the named files: no temporary
// file is left behind.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if diff := cmp.Diff(append([]string{}, names...), got); diff != "" {
		t.Errorf("files in %s (-want +got):\n%s", dir, diff)
	}
}
