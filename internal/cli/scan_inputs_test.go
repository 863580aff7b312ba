package cli

import (
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
)

// runStdin runs the command line with stdin as its standard input.
func runStdin(stdin io.Reader, args ...string) outcome {
	var stdout, stderr bytes.Buffer
	a := &app{stdout: &stdout, stderr: &stderr, cat: testCatalogue(testChecks), code: ExitReady, stdin: stdin}
	code := runApp(a, args)
	return outcome{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func toUTF16LE(data []byte) []byte {
	var buf bytes.Buffer
	for _, u := range append([]uint16{0xFEFF}, utf16.Encode([]rune(string(data)))...) {
		_ = binary.Write(&buf, binary.LittleEndian, u)
	}
	return buf.Bytes()
}

// TestScanStdin scans `-`: terraform show -json tfplan | readiness scan -.
func TestScanStdin(t *testing.T) {
	t.Parallel()
	plan := readFile(t, "testdata/not_ready.json")
	state := readFile(t, "testdata/tfstate/terraform.tfstate")
	tests := map[string]struct {
		stdin      []byte
		args       []string
		wantCode   int
		wantInput  string // the JSON report's input
		wantFail   []string
		wantStderr string
	}{
		"plan":            {stdin: plan, args: []string{"-"}, wantCode: ExitNotReady, wantInput: "-", wantFail: []string{`module.app["blue"].aws_db_instance.main[0]`}},
		"plan, UTF-8 BOM": {stdin: append([]byte{0xEF, 0xBB, 0xBF}, plan...), args: []string{"-"}, wantCode: ExitNotReady, wantInput: "-", wantFail: []string{`module.app["blue"].aws_db_instance.main[0]`}},
		"plan, UTF-16":    {stdin: toUTF16LE(plan), args: []string{"-"}, wantCode: ExitNotReady, wantInput: "-", wantFail: []string{`module.app["blue"].aws_db_instance.main[0]`}},
		"raw state":       {stdin: state, args: []string{"-"}, wantCode: ExitNotReady, wantInput: "-", wantFail: []string{`module.app["blue"].aws_db_instance.main[0]`}},
		"beside a file":   {stdin: state, args: []string{"testdata/ready.json", "-"}, wantCode: ExitNotReady, wantInput: "testdata/ready.json -", wantFail: []string{`module.app["blue"].aws_db_instance.main[0]`}},
		"empty": {
			stdin: nil, args: []string{"-"}, wantCode: ExitError,
			wantStderr: "readiness: read standard input: nothing arrived (did the command before the pipe fail?)\n",
		},
		"binary plan": {
			stdin: []byte("PK\x03\x04zip"), args: []string{"-"}, wantCode: ExitError,
			wantStderr: "readiness: read standard input: it is a binary plan file; give its path instead, or pipe the JSON of `terraform show -json PLANFILE`\n",
		},
		"twice": {
			stdin: plan, args: []string{"-", "-"}, wantCode: ExitError,
			wantStderr: "readiness: - (standard input) is given twice: it can be read once\nRun 'readiness scan --help' for usage.\n",
		},
		"with --var": {
			stdin: plan, args: []string{"--var", "x=1", "-"}, wantCode: ExitError,
			wantStderr: "readiness: - is a plan or a state, which holds its own variables and workspace: --var, --var-file and --workspace apply to directories of .tf files only\nRun 'readiness scan --help' for usage.\n",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			o := runStdin(bytes.NewReader(tt.stdin), append([]string{"scan", "--format", "json"}, tt.args...)...)
			if o.code != tt.wantCode {
				t.Fatalf("exit code %d, want %d; stderr %s", o.code, tt.wantCode, o.stderr)
			}
			if o.stderr != tt.wantStderr {
				t.Errorf("stderr = %q, want %q", o.stderr, tt.wantStderr)
			}
			if o.code == ExitError {
				return
			}
			doc := decodeReport(t, []byte(o.stdout))
			var inputs []string
			for _, in := range doc.Inputs {
				inputs = append(inputs, in.Path)
			}
			if got := strings.Join(inputs, " "); got != tt.wantInput {
				t.Errorf("inputs %q, want %q", got, tt.wantInput)
			}
			if diff := cmp.Diff(tt.wantFail, failed(doc, "TEST_RDS_MULTI_AZ")); diff != "" {
				t.Errorf("TEST_RDS_MULTI_AZ failures (-want +got):\n%s", diff)
			}
			if strings.Contains(o.stdout, "hunter2-canary") {
				t.Error("a sensitive value is in the report")
			}
		})
	}
}

// failed lists the addresses a check failed in a JSON report.
func failed(doc jsonDoc, checkID string) []string {
	var out []string
	for _, r := range doc.Results {
		if r.CheckID == checkID && r.Status == "fail" {
			out = append(out, r.Address)
		}
	}
	return out
}

// TestScanTfstate scans a terraform.tfstate as Terraform keeps it (state
// format version 4), which older versions refused.
func TestScanTfstate(t *testing.T) {
	t.Parallel()
	o := run(testChecks, "scan", "--format", "json", "testdata/tfstate/terraform.tfstate")
	if o.code != ExitNotReady {
		t.Fatalf("exit code %d; stderr %s", o.code, o.stderr)
	}
	doc := decodeReport(t, []byte(o.stdout))
	if len(doc.Inputs) != 1 || doc.Inputs[0].Kind != "state" || doc.Inputs[0].TerraformVersion != "1.8.5" {
		t.Errorf("inputs %+v", doc.Inputs)
	}
	if diff := cmp.Diff([]string{`module.app["blue"].aws_db_instance.main[0]`}, failed(doc, "TEST_RDS_MULTI_AZ")); diff != "" {
		t.Errorf("TEST_RDS_MULTI_AZ failures (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{`module.app["blue"].aws_db_instance.main[0]`}, failed(doc, "TEST_RDS_BACKUP")); diff != "" {
		t.Errorf("TEST_RDS_BACKUP failures (-want +got):\n%s", diff)
	}
	if strings.Contains(o.stdout, "hunter2-canary") {
		t.Error("a sensitive value is in the report")
	}
}

// planTree writes a tree of inputs for glob and --recursive tests and
// returns its root.
func planTree(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	ready, notReady := readFile(t, "testdata/ready.json"), readFile(t, "testdata/not_ready.json")
	files := map[string][]byte{
		"prod/network.json":                       ready,
		"prod/app/plan.json":                      notReady,
		"staging/plan.JSON":                       ready,
		"staging/state.json":                      readFile(t, "testdata/tfstate/terraform.tfstate"),
		"staging/policies/s3-read.json":           []byte(`{"Version": "2012-10-17", "Statement": []}`),
		"staging/main.tf.json":                    []byte(`{"resource": {}}`),
		"staging/prod.tfvars.json":                []byte(`{"region": "eu-west-1"}`),
		"staging/.terraform/modules/modules.json": []byte(`{"Modules": []}`),
		"staging/README.md":                       []byte("# staging\n"),
	}
	for name, data := range files {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A link to a plan is a plan; a link to a directory is not walked.
	if err := os.Symlink(filepath.Join(root, "prod", "network.json"), filepath.Join(root, "staging", "network.json")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "prod"), filepath.Join(root, "staging", "prod.json")); err != nil {
		t.Fatal(err)
	}
	return root
}

// TestScanManyInputs scans lists, glob patterns the shell left alone and
// directory trees with --recursive: one report, inputs in a fixed order.
func TestScanManyInputs(t *testing.T) {
	t.Parallel()
	root := planTree(t)
	tests := map[string]struct {
		args       []string // relative to root
		wantCode   int
		wantInputs []string // relative to root
		wantStderr string   // with ROOT for root
	}{
		"a pattern": {
			args: []string{"prod/*.json"}, wantCode: ExitReady,
			wantInputs: []string{"prod/network.json"},
		},
		"a pattern of any depth": {
			args: []string{"prod/**/*.json"}, wantCode: ExitNotReady,
			wantInputs: []string{"prod/app/plan.json", "prod/network.json"},
		},
		"a pattern and a file": {
			args: []string{"staging/plan.JSON", "prod/*/*.json"}, wantCode: ExitNotReady,
			wantInputs: []string{"staging/plan.JSON", "prod/app/plan.json"},
		},
		"a pattern that matches nothing": {
			args: []string{"qa/*.json"}, wantCode: ExitError,
			wantStderr: "readiness: read ROOT/qa/*.json: no file matches this pattern\n",
		},
		"recursive": {
			args: []string{"--recursive", "."}, wantCode: ExitNotReady,
			wantInputs: []string{"prod/app/plan.json", "prod/network.json", "staging/network.json", "staging/plan.JSON", "staging/state.json"},
			wantStderr: "readiness: skipped ROOT/staging/policies/s3-read.json: not a Terraform plan or state\n",
		},
		"recursive, short flag, two trees": {
			args: []string{"-r", "staging", "prod"}, wantCode: ExitNotReady,
			wantInputs: []string{"staging/network.json", "staging/plan.JSON", "staging/state.json", "prod/app/plan.json", "prod/network.json"},
			wantStderr: "readiness: skipped ROOT/staging/policies/s3-read.json: not a Terraform plan or state\n",
		},
		"recursive without plans": {
			args: []string{"-r", "staging/policies"}, wantCode: ExitError,
			wantStderr: "readiness: skipped ROOT/staging/policies/s3-read.json: not a Terraform plan or state\n" +
				"readiness: --recursive found no Terraform plan or state among the .json files\n",
		},
		"recursive, an empty directory": {
			args: []string{"-r", "staging/.terraform/modules/none"}, wantCode: ExitError,
			wantStderr: "readiness: read ROOT/staging/.terraform/modules/none: no such file\n",
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			args := []string{"scan", "--format", "json"}
			for _, a := range tt.args {
				if !strings.HasPrefix(a, "-") {
					a = filepath.Join(root, a)
				}
				args = append(args, a)
			}
			o := run(testChecks, args...)
			if o.code != tt.wantCode {
				t.Fatalf("exit code %d, want %d; stderr %s", o.code, tt.wantCode, o.stderr)
			}
			if want := strings.ReplaceAll(tt.wantStderr, "ROOT", root); o.stderr != want {
				t.Errorf("stderr = %q, want %q", o.stderr, want)
			}
			if o.code == ExitError {
				return
			}
			var got []string
			for _, in := range decodeReport(t, []byte(o.stdout)).Inputs {
				rel, _ := filepath.Rel(root, in.Path)
				got = append(got, filepath.ToSlash(rel))
			}
			if diff := cmp.Diff(tt.wantInputs, got); diff != "" {
				t.Errorf("inputs (-want +got):\n%s", diff)
			}
		})
	}
}

// TestScanManyInputsInOrder scans the real plans at once, read in
// parallel: the report is the same on every run, its inputs in the order
// given, and a plan's results the same as when it is scanned alone.
func TestScanManyInputsInOrder(t *testing.T) {
	t.Parallel()
	paths, _ := filepath.Glob("../../../shared/fixtures/real/*.json")
	if len(paths) == 0 {
		t.Skip("../shared/fixtures/real is absent")
	}
	// Reverse order: the report follows the command line, not the names.
	for i, j := 0, len(paths)-1; i < j; i, j = i+1, j-1 {
		paths[i], paths[j] = paths[j], paths[i]
	}
	args := append([]string{"scan", "--format", "json"}, paths...)
	first := run(testChecks, args...)
	if first.code != ExitNotReady {
		t.Fatalf("exit code %d; stderr %s", first.code, first.stderr)
	}
	for range 3 {
		if again := run(testChecks, args...); again.stdout != first.stdout {
			t.Fatal("two scans of the same inputs gave different reports")
		}
	}
	doc := decodeReport(t, []byte(first.stdout))
	var inputs []string
	for _, in := range doc.Inputs {
		inputs = append(inputs, in.Path)
	}
	if diff := cmp.Diff(paths, inputs); diff != "" {
		t.Errorf("inputs (-want +got):\n%s", diff)
	}
	alone := 0
	for _, p := range paths {
		one := decodeReport(t, []byte(run(testChecks, "scan", "--format", "json", p).stdout))
		alone += len(one.Results)
	}
	if alone != len(doc.Results) {
		t.Errorf("%d results together, %d alone", len(doc.Results), alone)
	}
}

// TestProgress draws the bar only on a terminal and never in CI, and
// clears it before the report.
func TestProgress(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		terminal bool
		ci       string
		want     bool
	}{
		"terminal":             {terminal: true, want: true},
		"terminal, CI=false":   {terminal: true, ci: "false", want: true},
		"terminal in CI":       {terminal: true, ci: "true", want: false},
		"terminal in CI named": {terminal: true, ci: "woodpecker", want: false},
		"pipe":                 {terminal: false, want: false},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			getenv := func(k string) string {
				if k == "CI" {
					return tt.ci
				}
				return ""
			}
			if got := progressAllowed(tt.terminal, getenv); got != tt.want {
				t.Errorf("progressAllowed(%v, CI=%q) = %v, want %v", tt.terminal, tt.ci, got, tt.want)
			}
		})
	}

	t.Run("drawn and cleared", func(t *testing.T) {
		t.Parallel()
		var stdout, stderr bytes.Buffer
		a := &app{stdout: &stdout, stderr: &stderr, cat: testCatalogue(testChecks), code: ExitReady, forceProgress: true}
		runApp(a, []string{"scan", "testdata/ready.json", "testdata/not_ready.json"})
		if !strings.Contains(stderr.String(), "reading 2 inputs") || !strings.HasSuffix(stderr.String(), "\r") {
			t.Errorf("stderr = %q: want the bar, cleared", stderr.String())
		}
		if strings.Contains(stdout.String(), "reading") {
			t.Error("the bar is on stdout")
		}
	})
	t.Run("not on a pipe", func(t *testing.T) {
		t.Parallel()
		if o := run(testChecks, "scan", "testdata/ready.json", "testdata/not_ready.json"); o.stderr != "" {
			t.Errorf("stderr = %q", o.stderr)
		}
	})
}
