package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/prodready/terraform-provider-readiness/checks"
)

// TestScanSourceLocations: findings name the .tf file and line of their
// resource, through a local module, found beside the plan or in
// --config-dir; the JSON contract never carries them.
func TestScanSourceLocations(t *testing.T) {
	t.Parallel()
	const (
		root   = "testdata/located/main.tf"
		module = "testdata/located/modules/db/main.tf"
	)
	tests := map[string]struct {
		args       []string
		wantCode   int
		wantStdout []string
		notStdout  []string
		wantStderr string
	}{
		"text, config beside the plan": {
			args: []string{"scan", "testdata/located/plan.json"}, wantCode: ExitNotReady,
			wantStdout: []string{
				`TEST_RDS_MULTI_AZ  module.app["blue"].aws_db_instance.main[0]  at ` + module + ":5  (introduced, blocking, above)\n",
				"            TEST_RDS_MULTI_AZ  at " + module + ":5  fix: Set multi_az = true.\n",
				"TEST_RDS_MULTI_AZ  aws_db_instance.replica  at " + root + ":8\n",
			},
		},
		"text, --config-dir": {
			args: []string{"scan", "--config-dir", "testdata/located", "testdata/not_ready.json"}, wantCode: ExitNotReady,
			wantStdout: []string{`module.app["blue"].aws_db_instance.main[0]  at ` + module + ":5  (introduced, blocking, above)\n"},
		},
		"no .tf beside the plan": {
			args: []string{"scan", "testdata/not_ready.json"}, wantCode: ExitNotReady,
			notStdout: []string{" at testdata/"},
		},
		"github annotations": {
			args: []string{"scan", "--format", "github", "testdata/located/plan.json"}, wantCode: ExitNotReady,
			wantStdout: []string{"::error file=" + module + ",line=5,title=TEST_RDS_MULTI_AZ (high)%3A RDS instances are Multi-AZ::module.app[\"blue\"]"},
		},
		"sarif": {
			args: []string{"scan", "--format", "sarif", "testdata/located/plan.json"}, wantCode: ExitNotReady,
			wantStdout: []string{`"uri": "` + module + `"`, `"startLine": 5`, `"fullyQualifiedName": "module.app[\"blue\"].aws_db_instance.main[0]"`},
		},
		"sarif rules as the profile sees them": {
			args: []string{"scan", "--profile", "development", "--format", "sarif", "testdata/not_ready.json"}, wantCode: ExitReady,
			wantStdout: []string{`"id": "TEST_RDS_MULTI_AZ"`, `"level": "note"`, `"severity": "low"`},
			notStdout:  []string{`"level": "error"`, `"level": "warning"`},
		},
		"json unchanged": {
			args: []string{"scan", "--format", "json", "testdata/located/plan.json"}, wantCode: ExitNotReady,
			notStdout: []string{"main.tf", `"line"`, `"file"`},
		},
		"missing --config-dir": {
			args: []string{"scan", "--config-dir", "testdata/nope", "testdata/not_ready.json"}, wantCode: ExitError,
			wantStderr: "readiness: read configuration testdata/nope: no such directory\n",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			o := run(testChecks, tt.args...)
			assertClean(t, o)
			if o.code != tt.wantCode {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", o.code, tt.wantCode, o.stdout, o.stderr)
			}
			for _, want := range tt.wantStdout {
				if !strings.Contains(o.stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, o.stdout)
				}
			}
			for _, bad := range tt.notStdout {
				if strings.Contains(o.stdout, bad) {
					t.Errorf("stdout holds %q:\n%s", bad, o.stdout)
				}
			}
			if tt.wantStderr != "" && o.stderr != tt.wantStderr {
				t.Errorf("stderr = %q, want %q", o.stderr, tt.wantStderr)
			}
		})
	}
}

// TestScanEveryFormatToFiles writes every format from one scan: each file
// is there and not empty.
func TestScanEveryFormatToFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	args := []string{"scan"}
	names := []string{"github", "html", "json", "junit", "markdown", "sarif", "text"}
	for _, name := range names {
		args = append(args, "--format", name+"="+filepath.Join(dir, "report."+name))
	}
	o := run(testChecks, append(args, "testdata/located/plan.json")...)
	if o.code != ExitNotReady || o.stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", o.code, o.stdout, o.stderr)
	}
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(dir, "report."+name))
		if err != nil || len(data) == 0 {
			t.Errorf("report.%s: %d bytes, %v", name, len(data), err)
		}
	}
}

// TestScanSARIFValidWithCatalogue scans with every registered check, so
// that every rule's real metadata goes through the SARIF 2.1.0 schema the
// report package validates against.
func TestScanSARIFValidWithCatalogue(t *testing.T) {
	t.Parallel()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	schema, err := c.Compile("../report/testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, plan := range []string{"testdata/located/plan.json", "testdata/canaries.json", "testdata/ready.json"} {
		t.Run(plan, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			code := runWith([]string{"scan", "--format", "sarif", "--fail-on", "none", plan}, &stdout, &stderr,
				catalogue{all: checks.All, byID: checks.ByID})
			if code != ExitReady {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			inst, err := jsonschema.UnmarshalJSON(&stdout)
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Errorf("not valid SARIF 2.1.0:\n%v", err)
			}
		})
	}
}
