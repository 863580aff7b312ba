package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScanErroredPlan: a plan Terraform could not finish (testdata/errored,
// from terraform 1.8.5: for_each over a value known only after apply) is
// saved all the same, marked errored, with what was planned before the
// error. What planning did not reach was not judged, so the plan is never
// called ready: exit 1, the words UNDECIDED, the reason among the errors.
func TestScanErroredPlan(t *testing.T) {
	t.Parallel()
	const plan = "testdata/errored/plan.json"
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"scan", "--no-color", plan}, &stdout, &stderr); code != ExitError {
		t.Errorf("exit code = %d, want %d; stderr:\n%s", code, ExitError, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "UNDECIDED  ") {
		t.Errorf("text report does not start with the verdict UNDECIDED:\n%s", stdout.String())
	}
	if !strings.Contains(stderr.String(), "the plan cannot be called ready while part of it could not be judged") {
		t.Errorf("stderr:\n%s", stderr.String())
	}

	stdout.Reset()
	stderr.Reset()
	if code := Run([]string{"scan", "--format", "json", "--fail-on", "none", plan}, &stdout, &stderr); code != ExitError {
		t.Errorf("--fail-on none: exit code = %d, want %d", code, ExitError)
	}
	var doc struct {
		Errors []string `json:"errors"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Errors) != 1 || !strings.Contains(doc.Errors[0], plan+": Terraform recorded that planning failed (errored)") {
		t.Errorf("errors = %q", doc.Errors)
	}
}

// TestScanOtherTerraformDocuments: the JSON other terraform commands write
// carries a format_version too; read as an empty state it would be judged
// ready having judged nothing. It is refused as not a plan or state.
func TestScanOtherTerraformDocuments(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	docs := map[string]string{
		"validate.json":  `{"format_version": "1.0", "valid": false, "error_count": 1, "warning_count": 0, "diagnostics": [{"severity": "error", "summary": "Reference to undeclared input variable"}]}`,
		"schema.json":    `{"format_version": "1.0", "provider_schemas": {"registry.terraform.io/hashicorp/aws": {}}}`,
		"functions.json": `{"format_version": "1.0", "function_signatures": {"abs": {}}}`,
	}
	for name, doc := range docs {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		code := Run([]string{"scan", path}, &stdout, &stderr)
		if code != ExitError || stdout.Len() != 0 {
			t.Errorf("%s: exit code %d, stdout %q; want %d and nothing written", name, code, stdout.String(), ExitError)
		}
		if want := "readiness: read " + path + ": not a Terraform JSON plan or state"; !strings.HasPrefix(stderr.String(), want) {
			t.Errorf("%s: stderr = %q, want it to start %q", name, stderr.String(), want)
		}
	}
}

// TestScanTargetedPlan: a plan made with -target (testdata/targeted, from
// terraform 1.8.5 with -target=terraform_data.database) says "complete":
// false. Its verdict covers what it plans, and says beside it, in every
// format, that the rest was left out.
func TestScanTargetedPlan(t *testing.T) {
	t.Parallel()
	const plan = "testdata/targeted/plan.json"
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"scan", "--format", "json", plan}, &stdout, &stderr); code != ExitReady {
		t.Errorf("exit code = %d, want %d; stderr:\n%s", code, ExitReady, stderr.String())
	}
	var doc struct {
		Warnings []string `json:"warnings"`
		Errors   []string `json:"errors"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	want := plan + " is an incomplete plan: Terraform planned part of the configuration (with -target, or deferring changes to a later run), and what it left out is not judged"
	if len(doc.Warnings) != 1 || doc.Warnings[0] != want || len(doc.Errors) != 0 {
		t.Errorf("warnings %q, errors %q; want the one warning %q", doc.Warnings, doc.Errors, want)
	}
}
