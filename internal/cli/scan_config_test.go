package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// TestScanUnreadModules: a module call a directory makes that cannot be
// read is an error of the scan, one line per call naming its file, line,
// source and what to do; --skip-unread-modules judges the rest and says, in
// every report, what it did not read.
func TestScanUnreadModules(t *testing.T) {
	t.Parallel()
	const unread = "testdata/config/unread"
	tests := map[string]struct {
		args       []string
		wantCode   int
		wantStderr string // exact
	}{
		"modules not installed": {
			args: []string{"scan", unread}, wantCode: ExitError,
			wantStderr: `readiness: read testdata/config/unread: main.tf:10: module.eks (source "terraform-aws-modules/eks/aws") is not installed by terraform init: run terraform init in testdata/config/unread, or pass --skip-unread-modules to judge the rest without it` + "\n" +
				`readiness: read testdata/config/unread: network.tf:1: module.vpc (source "git::https://example.com/network/vpc.git?ref=v5.0.0") is not installed by terraform init: run terraform init in testdata/config/unread, or pass --skip-unread-modules to judge the rest without it` + "\n",
		},
		"a local source that is not there": {
			args: []string{"scan", "testdata/config/badpath"}, wantCode: ExitError,
			wantStderr: `readiness: read testdata/config/badpath: main.tf:6: module.db (source "./modules/dbb") cannot be read: modules/dbb: no such directory: correct its source, or pass --skip-unread-modules to judge the rest without it` + "\n",
		},
		"a local module with a syntax error": {
			args: []string{"scan", "testdata/config/badmodule"}, wantCode: ExitError,
			wantStderr: `readiness: read testdata/config/badmodule: main.tf:6: module.db (source "./modules/db") cannot be read: modules/db/main.tf:3,13: Invalid expression: Expected the start of an expression, but found an invalid expression token: fix the module's files, or pass --skip-unread-modules to judge the rest without it` + "\n",
		},
		"with every other input named too": {
			args: []string{"scan", "testdata/config/badpath", "testdata/missing.json"}, wantCode: ExitError,
			wantStderr: `readiness: read testdata/config/badpath: main.tf:6: module.db (source "./modules/dbb") cannot be read: modules/dbb: no such directory: correct its source, or pass --skip-unread-modules to judge the rest without it` + "\n" +
				"readiness: read testdata/missing.json: no such file\n",
		},
		"skipped: the verdict of what was read": {
			args: []string{"scan", "--skip-unread-modules", "--format", "json=/dev/null", unread}, wantCode: ExitReady,
		},
		"skipped: a local module with a syntax error": {
			args: []string{"scan", "--skip-unread-modules", "--format", "json=/dev/null", "testdata/config/badmodule"}, wantCode: ExitReady,
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			o := run(testChecks, tt.args...)
			if o.code != tt.wantCode {
				t.Errorf("exit code = %d, want %d; stderr:\n%s", o.code, tt.wantCode, o.stderr)
			}
			if diff := cmp.Diff(tt.wantStderr, o.stderr); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
			if o.code == ExitError && o.stdout != "" {
				t.Errorf("an error run wrote a report:\n%s", o.stdout)
			}
			assertClean(t, o)
		})
	}
}

// TestScanSkippedModulesInReports: with --skip-unread-modules each call not
// read is a warning in the JSON report's warnings, under the text report's
// verdict and in SARIF's tool execution notifications.
func TestScanSkippedModulesInReports(t *testing.T) {
	t.Parallel()
	const dir = "testdata/config/unread"
	want := []string{
		`testdata/config/unread/main.tf:10: module.eks (source "terraform-aws-modules/eks/aws") is not installed by terraform init: not read, so the verdict does not cover its resources (to read it, run terraform init in testdata/config/unread)`,
		`testdata/config/unread/network.tf:1: module.vpc (source "git::https://example.com/network/vpc.git?ref=v5.0.0") is not installed by terraform init: not read, so the verdict does not cover its resources (to read it, run terraform init in testdata/config/unread)`,
	}
	out := t.TempDir()
	jsonOut, sarifOut := filepath.Join(out, "r.json"), filepath.Join(out, "r.sarif")
	o := run(testChecks, "scan", "--skip-unread-modules", "--format", "text", "--format", "json="+jsonOut, "--format", "sarif="+sarifOut, dir)
	if o.code != ExitReady || o.stderr != "" {
		t.Fatalf("exit code = %d, want %d; stderr:\n%s", o.code, ExitReady, o.stderr)
	}

	t.Run("text", func(t *testing.T) {
		lines := strings.SplitN(o.stdout, "\n", 6)
		wantLines := []string{"warnings (2): the verdict covers only what was read and known", "  " + want[0], "  " + want[1]}
		if !strings.HasPrefix(lines[0], "READY  ") || !strings.HasPrefix(lines[1], "fail ") || len(lines) < 5 {
			t.Fatalf("text:\n%s", o.stdout)
		}
		if diff := cmp.Diff(wantLines, lines[2:5]); diff != "" {
			t.Errorf("under the verdict (-want +got):\n%s", diff)
		}
	})
	t.Run("json", func(t *testing.T) {
		data, err := os.ReadFile(jsonOut)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Summary  struct{ Ready bool } `json:"summary"`
			Warnings []string             `json:"warnings"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, doc.Warnings); diff != "" || !doc.Summary.Ready {
			t.Errorf("ready %t; warnings (-want +got):\n%s", doc.Summary.Ready, diff)
		}
	})
	t.Run("sarif", func(t *testing.T) {
		data, err := os.ReadFile(sarifOut)
		if err != nil {
			t.Fatal(err)
		}
		validateSARIF(t, data)
		var doc struct {
			Runs []struct {
				Invocations []struct {
					Notifications []struct {
						Level   string `json:"level"`
						Message struct {
							Text string `json:"text"`
						} `json:"message"`
					} `json:"toolExecutionNotifications"`
				} `json:"invocations"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, n := range doc.Runs[0].Invocations[0].Notifications {
			got = append(got, n.Level+": "+n.Message.Text)
		}
		if diff := cmp.Diff([]string{"warning: " + want[0], "warning: " + want[1]}, got); diff != "" {
			t.Errorf("notifications (-want +got):\n%s", diff)
		}
	})
}

// TestScanVariables: --var-file and --var give a directory's root
// variables their values after its .tfvars files, in command-line order;
// --workspace sets terraform.workspace; a variable without a value is one
// warning. They apply to directories only.
func TestScanVariables(t *testing.T) {
	t.Parallel()
	const dir = "testdata/config/vars"
	tests := map[string]struct {
		args       []string
		wantCode   int
		want       map[string]string // TEST_RDS_MULTI_AZ status by address
		wantStderr string            // a prefix of the only line
	}{
		"defaults, terraform.tfvars, then *.auto.tfvars": {
			args: []string{dir},
			want: map[string]string{"tfvars": "pass", "auto": "pass", "file": "fail", "flag": "fail", "settings": "fail", "workspace": "unknown"},
		},
		"--var-file after the directory's files": {
			args: []string{"--var-file", dir + "/env/prod.tfvars", dir},
			want: map[string]string{"tfvars": "pass", "auto": "pass", "file": "pass", "flag": "fail", "settings": "fail", "workspace": "unknown"},
		},
		"--var after --var-file": {
			args: []string{"--var-file", dir + "/env/prod.tfvars", "--var", "flag=true", dir},
			want: map[string]string{"tfvars": "pass", "auto": "pass", "file": "pass", "flag": "pass", "settings": "fail", "workspace": "unknown"},
		},
		"--var-file after --var": {
			args: []string{"--var", "flag=true", "--var-file", dir + "/env/prod.tfvars", dir},
			want: map[string]string{"tfvars": "pass", "auto": "pass", "file": "pass", "flag": "fail", "settings": "fail", "workspace": "unknown"},
		},
		"a later --var wins": {
			args: []string{"--var", "tfvars=false", "--var=tfvars=true", "--var", "auto=false", dir},
			want: map[string]string{"tfvars": "pass", "auto": "fail", "file": "fail", "flag": "fail", "settings": "fail", "workspace": "unknown"},
		},
		"an object from --var": {
			args: []string{"--var", "settings={ multi_az = true }", dir},
			want: map[string]string{"tfvars": "pass", "auto": "pass", "file": "fail", "flag": "fail", "settings": "pass", "workspace": "unknown"},
		},
		"--workspace": {
			args: []string{"--workspace", "prod", dir},
			want: map[string]string{"tfvars": "pass", "auto": "pass", "file": "fail", "flag": "fail", "settings": "fail", "workspace": "pass"},
		},
		"another workspace": {
			args: []string{"--workspace=staging", dir},
			want: map[string]string{"tfvars": "pass", "auto": "pass", "file": "fail", "flag": "fail", "settings": "fail", "workspace": "fail"},
		},
		"a --var-file that does not parse": {
			args: []string{"--var-file", dir + "/env/broken.tfvars", dir}, wantCode: ExitError,
			wantStderr: "readiness: read testdata/config/vars: testdata/config/vars/env/broken.tfvars:2,7: Invalid expression",
		},
		"a --var-file that is not there": {
			args: []string{"--var-file", dir + "/env/nope.tfvars", dir}, wantCode: ExitError,
			wantStderr: "readiness: read testdata/config/vars: variable definitions file testdata/config/vars/env/nope.tfvars: no such file",
		},
		"an undeclared --var": {
			args: []string{"--var", "nope=1", dir}, wantCode: ExitError,
			wantStderr: `readiness: read testdata/config/vars: --var nope: the configuration declares no variable "nope"`,
		},
		"a --var of the wrong type": {
			args: []string{"--var", "flag=maybe", dir}, wantCode: ExitError,
			wantStderr: `readiness: read testdata/config/vars: --var flag: variable "flag" needs a value of type bool: a bool is required`,
		},
		"a --var without a value": {
			args: []string{"--var", "flag", dir}, wantCode: ExitError,
			wantStderr: `readiness: invalid argument "flag" for "--var" flag: want a variable name and a value separated by an equals sign`,
		},
		"--var with a plan": {
			args: []string{"--var", "flag=true", "testdata/ready.json"}, wantCode: ExitError,
			wantStderr: "readiness: testdata/ready.json is a plan or a state, which holds its own variables and workspace: --var, --var-file and --workspace apply to directories of .tf files only",
		},
		"--workspace with a plan": {
			args: []string{"--workspace", "prod", dir, "testdata/ready.json"}, wantCode: ExitError,
			wantStderr: "readiness: testdata/ready.json is a plan or a state",
		},
		"a report over a --var-file": {
			args: []string{"--var-file", dir + "/env/prod.tfvars", "--format", "json=" + dir + "/env/prod.tfvars", dir}, wantCode: ExitError,
			wantStderr: "readiness: --format json=testdata/config/vars/env/prod.tfvars: testdata/config/vars/env/prod.tfvars is the --var-file testdata/config/vars/env/prod.tfvars; refusing to overwrite it",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			args := append([]string{"scan", "--fail-on", "none", "--format", "json"}, tt.args...)
			if tt.wantCode == ExitError {
				args = append([]string{"scan"}, tt.args...)
			}
			o := run(testChecks, args...)
			if o.code != tt.wantCode {
				t.Fatalf("exit code = %d, want %d; stderr:\n%s", o.code, tt.wantCode, o.stderr)
			}
			assertClean(t, o)
			if tt.wantCode == ExitError {
				first, _, _ := strings.Cut(o.stderr, "\n")
				if !strings.HasPrefix(first, tt.wantStderr) || o.stdout != "" {
					t.Errorf("stderr = %q, want it to start %q; stdout %q", o.stderr, tt.wantStderr, o.stdout)
				}
				return
			}
			var doc struct {
				Results []struct {
					CheckID string `json:"check_id"`
					Status  string `json:"status"`
					Address string `json:"address"`
				} `json:"results"`
				Warnings []string `json:"warnings"`
			}
			if err := json.Unmarshal([]byte(o.stdout), &doc); err != nil {
				t.Fatalf("%v\n%s", err, o.stdout)
			}
			got := map[string]string{}
			for _, r := range doc.Results {
				if r.CheckID == "TEST_RDS_MULTI_AZ" {
					got[strings.TrimPrefix(r.Address, "aws_db_instance.")] = r.Status
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("TEST_RDS_MULTI_AZ by database (-want +got):\n%s", diff)
			}
			// db_password has no value: said once, whatever depends on it.
			wantWarnings := []string{"testdata/config/vars/main.tf:26: variable db_password has no value: what depends on it is unknown"}
			if diff := cmp.Diff(wantWarnings, doc.Warnings); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

// validateSARIF checks doc against the SARIF 2.1.0 schema the report
// package's tests use.
func validateSARIF(t *testing.T, doc []byte) {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	schema, err := c.Compile("../report/testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Errorf("not valid SARIF 2.1.0:\n%v", err)
	}
}
