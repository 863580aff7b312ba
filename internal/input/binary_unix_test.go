//go:build unix

package input

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// cliConfigWarning and readError are what Terraform 1.8.5 writes on stderr
// when its CLI configuration file is missing and the plan file is broken.
const cliConfigWarning = `There are some problems with the CLI configuration:
╷
│ Warning: Unable to open CLI configuration file
│
│ The CLI configuration file at "/root/.terraformrc" does not exist.
╵

`

const readError = `
Error: Failed to read the given file as a state or plan file

State read error: Error reading tfplan as a statefile: 2 problems:

- Unsupported state file format: The state file could not be parsed as JSON:
syntax error at byte offset 1.
- Unsupported state file format: The state file does not have a "version"
attribute, which is required to identify the format version.

Plan read error: couldn't load the provided path as either a local plan file
(zip: not a valid zip file) or a saved cloud plan (invalid character 'P'
looking for beginning of value)
`

const devOverridesWarning = `╷
│ Warning: Provider development overrides are in effect
│
│ The following provider development overrides are set in the CLI
│ configuration:
│  - prodready/readiness in /home/me/go/bin
│
│ The behavior may therefore not match any released version of the provider
│ and applying changes may cause the state to become incompatible with the
│ published releases.
╵
`

const boxedErrors = "\x1b[31m╷\x1b[0m\x1b[0m\n" +
	"\x1b[31m│\x1b[0m \x1b[0m\x1b[1m\x1b[31mError: \x1b[0m\x1b[0m\x1b[1mFailed to load plugin schemas\x1b[0m\n" +
	"\x1b[31m│\x1b[0m \x1b[0m\n" +
	"\x1b[31m│\x1b[0m \x1b[0mError while loading schemas for plugin components: Failed to obtain\n" +
	"│ provider schema: Could not load the schema for provider\n" +
	"│ registry.terraform.io/prodready/readiness: failed to instantiate provider\n" +
	"│ \"registry.terraform.io/prodready/readiness\" to obtain schema: fork/exec\n" +
	"╵\n" +
	"╷\n" +
	"│ Error: Inconsistent dependency lock file\n" +
	"│\n" +
	"│ The given plan file was created with a different set of external\n" +
	"│ dependency selections than the current configuration.\n" +
	"╵\n"

// fakeTerraform puts a terraform on PATH that writes stderr and exits with
// code, and returns a binary plan file for it to read.
func fakeTerraform(t *testing.T, script string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "terraform"), []byte("#!/bin/sh\n"+script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TERRAFORM_PATH", "")
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	plan := filepath.Join(t.TempDir(), "tfplan")
	if err := os.WriteFile(plan, []byte("PK\x03\x04rest-of-zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	return plan
}

// TestBinaryPlanErrors: when terraform show fails, the message keeps its
// errors and drops its warnings.
func TestBinaryPlanErrors(t *testing.T) {
	tests := map[string]struct {
		stderr   string
		code     int
		want     []string
		dontWant []string
	}{
		"cli configuration warning, then an error": {
			stderr: cliConfigWarning + readError, code: 1,
			want: []string{"terraform show -json failed: Error: Failed to read the given file as a state or plan file " +
				"State read error: Error reading tfplan as a statefile: 2 problems: " +
				"- Unsupported state file format: The state file could not be parsed as JSON: " +
				"syntax error at byte offset 1."},
			dontWant: []string{"Warning", "CLI configuration", "Plan read error"},
		},
		"dev_overrides warning, then two boxed errors in colour": {
			stderr: devOverridesWarning + boxedErrors, code: 1,
			want: []string{
				"failed: Error: Failed to load plugin schemas Error while loading schemas for plugin components: Failed to obtain provider schema: Could not load the schema for provider registry.terraform.io/prodready/readiness: failed to instantiate provider Error: Inconsistent dependency lock file",
				"The given plan file was created with a different set of external dependency selections than the current configuration.",
			},
			dontWant: []string{"Warning", "development overrides", "\x1b", "│", "fork/exec"},
		},
		"no error line": {
			stderr: devOverridesWarning + "panic: boom\n\ngoroutine 1 [running]:\n", code: 2,
			want:     []string{"failed: panic: boom goroutine 1 [running]:"},
			dontWant: []string{"Warning"},
		},
		"nothing on stderr": {
			code: 3,
			want: []string{"failed: exit status 3"},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			plan := fakeTerraform(t, "cat >&2 <<'EOF'\n"+tt.stderr+"EOF\nexit "+strconv.Itoa(tt.code)+"\n")
			_, err := Read(plan)
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "read "+plan+": terraform show -json failed: ") {
				t.Errorf("error does not name the plan: %q", msg)
			}
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q\ndoes not say %q", msg, w)
				}
			}
			for _, w := range tt.dontWant {
				if strings.Contains(msg, w) {
					t.Errorf("error %q\nsays %q", msg, w)
				}
			}
		})
	}
}

// TestBinaryPlanLeftoverProcess: a terraform that succeeds but leaves a
// process holding its output pipes does not hang the read.
func TestBinaryPlanLeftoverProcess(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "plan.json"), []byte(tinyPlan), 0o644); err != nil {
		t.Fatal(err)
	}
	pidFile := filepath.Join(dir, "sleep.pid")
	plan := fakeTerraform(t, "cat '"+filepath.Join(dir, "plan.json")+"'\nsleep 30 &\necho $! > '"+pidFile+"'\nexit 0\n")
	t.Cleanup(func() {
		if data, err := os.ReadFile(pidFile); err == nil {
			if pid, err := strconv.Atoi(strings.TrimSpace(string(data))); err == nil {
				_ = syscall.Kill(pid, syscall.SIGKILL)
			}
		}
	})
	start := time.Now()
	p, err := Reader{showWaitDelay: 100 * time.Millisecond}.Read(plan)
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("the read took %s", took)
	}
	if p.Lookup("aws_s3_bucket.b") == nil {
		t.Error("the plan terraform printed was not read")
	}
}

// TestParseNeverRunsTerraform: bytes that start as a binary plan are not
// JSON, and no terraform runs on a file named after them.
func TestParseNeverRunsTerraform(t *testing.T) {
	ran := filepath.Join(t.TempDir(), "ran")
	fakeTerraform(t, "touch '"+ran+"'\nexit 1\n")
	_, err := Parse("json", []byte("PK\x03\x04rest-of-zip"))
	if err == nil || !strings.HasPrefix(err.Error(), "read json: not JSON: this is a binary plan file") {
		t.Errorf("error = %v", err)
	}
	if _, err := os.Stat(ran); !errors.Is(err, os.ErrNotExist) {
		t.Error("terraform ran")
	}
}

// TestBinaryPlanErrorsRealTerraform breaks a plan file and reads it with the
// real Terraform CLI, whose CLI configuration file is missing: the message
// is Terraform's error, not its warning about the configuration.
func TestBinaryPlanErrorsRealTerraform(t *testing.T) {
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		t.Skip("TF_ACC_TERRAFORM_PATH is not set: `make test` installs Terraform and sets it")
	}
	dir := t.TempDir()
	plan := filepath.Join(dir, "tfplan")
	if err := os.WriteFile(plan, []byte("PK\x03\x04not a zip archive"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TERRAFORM_PATH", tf)
	t.Setenv("TF_CLI_CONFIG_FILE", filepath.Join(dir, "missing.tfrc"))
	t.Setenv("CHECKPOINT_DISABLE", "1")
	_, err := Read(plan)
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if !strings.Contains(msg, "terraform show -json failed: Error: Failed to read the given file as a state or plan file") {
		t.Errorf("error = %q", msg)
	}
	if strings.Contains(msg, "Warning") || strings.Contains(msg, "missing.tfrc") {
		t.Errorf("error keeps the warning: %q", msg)
	}
}
