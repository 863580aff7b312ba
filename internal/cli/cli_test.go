package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// The plans under testdata/ are written by hand in the shape of Terraform
// 1.8.5's `terraform show -json` (format 1.2) with the AWS provider 5.x
// attribute names; the checks here are the tests' own, so that these tests
// do not depend on the catalogue.

var testMultiAZ = check.Check{
	Meta: check.Meta{
		ID:            "TEST_RDS_MULTI_AZ",
		Aliases:       []string{"TEST_OLD_MULTI_AZ"},
		Title:         "RDS instances are Multi-AZ",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_db_instance"},
		Description:   "A single-AZ instance is down while its zone is.",
		Remediation:   "Set multi_az = true.",
		Example:       "resource \"aws_db_instance\" \"main\" {\n  multi_az = true\n}",
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		a := r.Attr("multi_az")
		ev := []check.Evidence{{Attribute: "multi_az", Value: p.Show(r, a)}}
		if a.Unknown {
			return check.Finding{Status: check.StatusUnknown, Message: "multi_az is known only after apply.", Evidence: ev}
		}
		if on, _ := a.Bool(); on {
			return check.Finding{Status: check.StatusPass, Evidence: ev}
		}
		return check.Finding{Status: check.StatusFail, Message: "The instance runs in one availability zone.", Evidence: ev}
	},
}

var testBackup = check.Check{
	Meta: check.Meta{
		ID:            "TEST_RDS_BACKUP",
		Title:         "RDS instances keep automated backups",
		Section:       "disaster_recovery",
		Category:      "backup",
		Severity:      check.SeverityMedium,
		ResourceTypes: []string{"aws_db_instance"},
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		a := r.Attr("backup_retention_period")
		ev := []check.Evidence{{Attribute: "backup_retention_period", Value: p.Show(r, a)}}
		if days, ok := a.Number(); ok && days > 0 {
			return check.Finding{Status: check.StatusPass, Evidence: ev}
		}
		return check.Finding{Status: check.StatusFail, Message: "Automated backups are off.", Evidence: ev}
	},
}

var testPanics = check.Check{
	Meta: check.Meta{
		ID: "TEST_PANICS", Title: "Always panics", Section: "custom", Category: "check_block",
		Severity: check.SeverityLow, ResourceTypes: []string{"aws_db_instance"},
	},
	Resource: func(*model.Plan, *model.Resource) check.Finding { panic("boom") },
}

// testChecks is the catalogue most tests run with.
var testChecks = []check.Check{testMultiAZ, testBackup}

func testCatalogue(list []check.Check) catalogue {
	return catalogue{
		all: func() []check.Check { return list },
		byID: func(id string) (check.Check, bool) {
			for _, c := range list {
				if c.ID == id || contains(c.Aliases, id) {
					return c, true
				}
			}
			return check.Check{}, false
		},
	}
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

type outcome struct {
	code           int
	stdout, stderr string
}

func run(cat []check.Check, args ...string) outcome {
	var stdout, stderr bytes.Buffer
	code := runWith(args, &stdout, &stderr, testCatalogue(cat))
	return outcome{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// assertClean fails when stderr shows a Go stack trace or a usage dump.
func assertClean(t *testing.T, o outcome) {
	t.Helper()
	for _, bad := range []string{"goroutine ", "panic:", "Usage:", "Flags:"} {
		if strings.Contains(o.stderr, bad) {
			t.Errorf("stderr contains %q:\n%s", bad, o.stderr)
		}
	}
}

func TestRoot(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		args       []string
		wantCode   int
		wantStdout string // substring
		wantStderr string // exact
	}{
		"help":            {args: []string{"--help"}, wantCode: ExitReady, wantStdout: "Exit codes:\n  0  ready"},
		"help command":    {args: []string{"help", "scan"}, wantCode: ExitReady, wantStdout: "--fail-on LEVEL"},
		"no command":      {args: nil, wantCode: ExitError, wantStderr: "readiness: missing command: scan, checks, explain, init, serve or version\nRun 'readiness --help' for usage.\n"},
		"unknown command": {args: []string{"scna"}, wantCode: ExitError, wantStderr: "readiness: unknown command \"scna\" for \"readiness\" Did you mean this? scan\nRun 'readiness --help' for usage.\n"},
		"unknown flag":    {args: []string{"--nope"}, wantCode: ExitError, wantStderr: "readiness: unknown flag: --nope\nRun 'readiness --help' for usage.\n"},
		"version":         {args: []string{"version"}, wantCode: ExitReady, wantStdout: "readiness dev\n"},
		"version flag":    {args: []string{"--version"}, wantCode: ExitReady, wantStdout: "readiness dev\n"},
		"version args":    {args: []string{"version", "extra"}, wantCode: ExitError, wantStderr: "readiness: unknown command \"extra\" for \"readiness version\"\nRun 'readiness version --help' for usage.\n"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			o := run(testChecks, tt.args...)
			if o.code != tt.wantCode {
				t.Errorf("exit code = %d, want %d; stderr:\n%s", o.code, tt.wantCode, o.stderr)
			}
			if !strings.Contains(o.stdout, tt.wantStdout) {
				t.Errorf("stdout does not contain %q:\n%s", tt.wantStdout, o.stdout)
			}
			if diff := cmp.Diff(tt.wantStderr, o.stderr); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
			assertClean(t, o)
		})
	}
}

// TestRun runs the exported entry point with the real catalogue.
func TestRun(t *testing.T) {
	t.Parallel()
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"version"}, &stdout, &stderr); code != ExitReady {
		t.Fatalf("Run(version) = %d, stderr: %s", code, stderr.String())
	}
	if got, want := stdout.String(), "readiness "+versionString(Version, Commit)+"\n"; got != want {
		t.Errorf("Run(version) printed %q, want %q", got, want)
	}
}

func TestVersionString(t *testing.T) {
	t.Parallel()
	tests := map[string]struct{ version, commit, want string }{
		"dev":     {version: "dev", want: "dev"},
		"release": {version: "1.4.0", commit: "3f2c1ab", want: "1.4.0 (commit 3f2c1ab)"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := versionString(tt.version, tt.commit); got != tt.want {
				t.Errorf("versionString(%q, %q) = %q, want %q", tt.version, tt.commit, got, tt.want)
			}
		})
	}
}

func TestColorAllowed(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		env  map[string]string
		want bool
	}{
		"plain":          {env: map[string]string{"TERM": "xterm-256color"}, want: true},
		"NO_COLOR":       {env: map[string]string{"NO_COLOR": "1", "TERM": "xterm"}, want: false},
		"empty NO_COLOR": {env: map[string]string{"NO_COLOR": "", "TERM": "xterm"}, want: true},
		"dumb terminal":  {env: map[string]string{"TERM": "dumb"}, want: false},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := colorAllowed(func(k string) string { return tt.env[k] }); got != tt.want {
				t.Errorf("colorAllowed(%v) = %v, want %v", tt.env, got, tt.want)
			}
		})
	}
}
