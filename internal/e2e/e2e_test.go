// Package e2e tests the released binary end to end, as users run it: built
// with go build, installed for Terraform through a dev_overrides CLI
// configuration, planning every example configuration with real Terraform,
// and scanning the plans with the same binary's CLI.
package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/hclconfig"
)

// providerSource is the address dev_overrides maps to the local build.
const providerSource = "prodready/readiness"

// examples lists every example configuration and the exit code `readiness
// scan` gives its plan: 2 where a check block in it fails. A new example
// must be added here (TestExamplesListed fails until it is).
var examples = map[string]struct {
	scanExit int
	// planOutput are patterns the output of terraform plan must match.
	planOutput []string
	// failedChecks are the check blocks whose failure makes scan exit 2.
	failedChecks []string
}{
	"provider":                             {},
	"data-sources/readiness_checks":        {},
	"data-sources/readiness_config":        {},
	"data-sources/readiness_instance_type": {},
	"data-sources/readiness_plan": {
		scanExit: 2,
		// The scoped data source's fail_on errors are warnings in a check
		// block, one per finding, and the check block fails.
		planOutput:   []string{`Warning: Readiness Check Failed: aws_rds_public_access`, `Warning: Readiness Check Failed: aws_rds_multi_az`},
		failedChecks: []string{"check.release_ready"},
	},
	"functions/check":         {},
	"functions/instance_type": {},
	"functions/ready":         {},
	"guides/ci-gate":          {},
	"guides/check-blocks": {
		scanExit:     2,
		planOutput:   []string{`Warning: Check block assertion failed`, `The orders database is not production ready`},
		failedChecks: []string{"check.database_ready"},
	},
	"guides/instance-types": {},
	"guides/postconditions": {},
}

// Exit codes of readiness scan (internal/cli).
const (
	exitReady    = 0
	exitNotReady = 2
)

type env struct {
	terraform string // the terraform binary
	bin       string // the built binary, named as Terraform expects a provider
	cliConfig string // the CLI configuration with dev_overrides
	root      string // the module root
}

var (
	setupOnce sync.Once
	setupEnv  *env
	setupErr  error
)

// setup builds the binary once and writes the CLI configuration. It skips
// unless TF_ACC is set, as the acceptance tests do, since it runs real
// Terraform (TF_ACC_TERRAFORM_PATH, or terraform on PATH).
func setup(t *testing.T) *env {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("end-to-end tests run real Terraform: set TF_ACC=1 (make test does)")
	}
	setupOnce.Do(func() { setupEnv, setupErr = build() })
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	return setupEnv
}

func build() (*env, error) {
	tf := os.Getenv("TF_ACC_TERRAFORM_PATH")
	if tf == "" {
		var err error
		if tf, err = exec.LookPath("terraform"); err != nil {
			return nil, errors.New("no terraform: set TF_ACC_TERRAFORM_PATH (make tools installs it in .tools/bin)")
		}
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "readiness-e2e-")
	if err != nil {
		return nil, err
	}
	// Left for the OS to clean: TestMain-free packages have no place to
	// remove it after every test, and it is small.
	e := &env{
		terraform: tf,
		bin:       filepath.Join(dir, "terraform-provider-readiness"),
		cliConfig: filepath.Join(dir, "cli.tfrc"),
		root:      root,
	}
	cmd := exec.Command("go", "build", "-o", e.bin, ".")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go build: %v\n%s", err, out)
	}
	config := fmt.Sprintf(`provider_installation {
  dev_overrides {
    %q = %q
  }
  direct {}
}
`, providerSource, dir)
	if err := os.WriteFile(e.cliConfig, []byte(config), 0o644); err != nil {
		return nil, err
	}
	return e, nil
}

// result is one command's outcome.
type result struct {
	code           int
	stdout, stderr string
}

// run runs a command in dir with the test environment: the dev_overrides
// CLI configuration (the machine's TF_CLI_CONFIG_FILE may name a missing
// file), a data directory of the test's own so that nothing is written into
// the examples, and no checkpoint calls.
func (e *env) run(t *testing.T, dir, dataDir, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"TF_CLI_CONFIG_FILE="+e.cliConfig,
		"TF_DATA_DIR="+dataDir,
		"TF_IN_AUTOMATION=1",
		"CHECKPOINT_DISABLE=1",
		"TERRAFORM_PATH="+e.terraform,
		"NO_COLOR=1",
	)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(5 * time.Minute):
		_ = cmd.Process.Kill()
		t.Fatalf("%s %s: timed out", name, strings.Join(args, " "))
	}
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s: %v", name, err)
	}
	return r
}

// exampleDirs finds every example configuration Terraform can plan here:
// directories under examples/ with a main.tf whose resources and data
// sources come from this provider or Terraform's built-in one. Others (such
// as examples/scan, which models AWS plans) need providers this machine
// cannot install, and are not planned.
func exampleDirs(t *testing.T, root string) (planned, skipped []string) {
	t.Helper()
	base := filepath.Join(root, "examples")
	err := filepath.WalkDir(base, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "main.tf" {
			return err
		}
		dir := filepath.Dir(path)
		rel, _ := filepath.Rel(base, dir)
		rel = filepath.ToSlash(rel)
		p, err := hclconfig.Read(dir)
		if err != nil {
			return fmt.Errorf("read example %s: %w", rel, err)
		}
		for _, r := range p.Resources {
			if r.ProviderName != "registry.terraform.io/"+providerSource && r.ProviderName != "terraform.io/builtin/terraform" {
				skipped = append(skipped, rel)
				return nil
			}
		}
		planned = append(planned, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(planned)
	return planned, skipped
}

func TestExamplesListed(t *testing.T) {
	t.Parallel()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	planned, skipped := exampleDirs(t, root)
	var listed []string
	for dir := range examples {
		listed = append(listed, dir)
	}
	sort.Strings(listed)
	if diff := cmp.Diff(listed, planned); diff != "" {
		t.Errorf("example configurations (-listed in e2e_test.go +found under examples/):\n%s", diff)
	}
	t.Logf("not planned (they need providers other than %s): %v", providerSource, skipped)
}

// TestExamples plans every example with real Terraform, then scans the
// saved plan with the readiness CLI, both as JSON and as the binary plan.
func TestExamples(t *testing.T) {
	e := setup(t)
	for dir, want := range examples {
		t.Run(dir, func(t *testing.T) {
			t.Parallel()
			tmp := t.TempDir()
			exDir := filepath.Join(e.root, "examples", filepath.FromSlash(dir))
			planFile := filepath.Join(tmp, "tfplan")
			plan := e.run(t, exDir, filepath.Join(tmp, "data"), e.terraform, "plan", "-input=false", "-no-color", "-out="+planFile)
			if plan.code != 0 {
				t.Fatalf("terraform plan: exit %d\n%s\n%s", plan.code, plan.stdout, plan.stderr)
			}
			for _, pat := range want.planOutput {
				if !regexp.MustCompile(pat).MatchString(plan.stdout + plan.stderr) {
					t.Errorf("terraform plan output does not match %q:\n%s%s", pat, plan.stdout, plan.stderr)
				}
			}
			show := e.run(t, exDir, filepath.Join(tmp, "data"), e.terraform, "show", "-json", planFile)
			if show.code != 0 {
				t.Fatalf("terraform show -json: exit %d\n%s", show.code, show.stderr)
			}
			planJSON := filepath.Join(tmp, "plan.json")
			if err := os.WriteFile(planJSON, []byte(show.stdout), 0o644); err != nil {
				t.Fatal(err)
			}

			for _, input := range []string{planJSON, planFile} {
				scan := e.run(t, exDir, filepath.Join(tmp, "data"), e.bin, "scan", "--format", "json", input)
				if scan.code != want.scanExit {
					t.Fatalf("readiness scan %s: exit %d, want %d\n%s\n%s", filepath.Base(input), scan.code, want.scanExit, scan.stdout, scan.stderr)
				}
				rep := decodeReport(t, scan.stdout)
				var failed []string
				for _, r := range rep.Results {
					if r.CheckID == "check_block" && r.Status == "fail" {
						failed = append(failed, r.Address)
					}
				}
				sort.Strings(failed)
				if diff := cmp.Diff(want.failedChecks, failed); diff != "" {
					t.Errorf("readiness scan %s: failed check blocks (-want +got):\n%s", filepath.Base(input), diff)
				}
				if got := rep.Summary.Ready; got != (want.scanExit == exitReady) {
					t.Errorf("readiness scan %s: ready = %t with exit %d", filepath.Base(input), got, scan.code)
				}
			}
		})
	}
}

type report struct {
	Inputs []struct {
		Path string `json:"path"`
		Kind string `json:"kind"`
	} `json:"inputs"`
	Summary struct {
		Ready bool `json:"ready"`
		Score int  `json:"score"`
	} `json:"summary"`
	Results []struct {
		CheckID  string `json:"check_id"`
		Status   string `json:"status"`
		Severity string `json:"severity"`
		Address  string `json:"address"`
	} `json:"results"`
}

func decodeReport(t *testing.T, text string) report {
	t.Helper()
	var rep report
	if err := json.Unmarshal([]byte(text), &rep); err != nil {
		t.Fatalf("decode JSON report: %v\n%s", err, text)
	}
	return rep
}

// TestFailOnFailsPlan: readiness_plan with fail_on outside a check block
// makes terraform plan fail, with one error per finding at or above it.
func TestFailOnFailsPlan(t *testing.T) {
	e := setup(t)
	tmp := t.TempDir()
	planJSON := filepath.Join(e.root, "examples", "data-sources", "readiness_plan", "plan.json")
	config := `terraform {
  required_providers {
    readiness = { source = "` + providerSource + `" }
  }
}

data "readiness_plan" "gate" {
  path    = ` + fmt.Sprintf("%q", planJSON) + `
  fail_on = "high"
}
`
	if err := os.WriteFile(filepath.Join(tmp, "main.tf"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	plan := e.run(t, tmp, filepath.Join(tmp, "data"), e.terraform, "plan", "-input=false", "-no-color")
	if plan.code != 1 {
		t.Fatalf("terraform plan: exit %d, want 1\n%s%s", plan.code, plan.stdout, plan.stderr)
	}
	got := regexp.MustCompile(`Error: Readiness Check Failed: (\S+)`).FindAllStringSubmatch(plan.stderr, -1)
	var ids []string
	for _, m := range got {
		ids = append(ids, m[1])
	}
	// The same plan scanned by the CLI: its blocking failures, most severe
	// first, are exactly the errors.
	scan := e.run(t, tmp, filepath.Join(tmp, "data"), e.bin, "scan", "--format", "json", "--fail-on", "high", planJSON)
	if scan.code != exitNotReady {
		t.Fatalf("readiness scan: exit %d\n%s", scan.code, scan.stderr)
	}
	want := blockingIDs(decodeReport(t, scan.stdout))
	if len(want) < 2 {
		t.Fatalf("the fixture should fail several checks at high or above, got %v", want)
	}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("errors of terraform plan (-want from readiness scan +got):\n%s\n%s", diff, plan.stderr)
	}
}

// blockingIDs lists the check IDs of the failed high and critical results,
// critical first, in report order: the order of the data source's errors.
func blockingIDs(rep report) []string {
	var critical, high []string
	for _, r := range rep.Results {
		if r.Status != "fail" {
			continue
		}
		switch r.Severity {
		case "critical":
			critical = append(critical, r.CheckID)
		case "high":
			high = append(high, r.CheckID)
		}
	}
	return append(critical, high...)
}

// TestScanDirectory: `readiness scan DIR` reads a configuration directory
// with the same code as readiness_config, and gives the same verdict.
func TestScanDirectory(t *testing.T) {
	e := setup(t)
	dir := filepath.Join(e.root, "examples", "data-sources", "readiness_config")
	infra := filepath.Join(dir, "infra")
	tmp := t.TempDir()

	scan := e.run(t, tmp, filepath.Join(tmp, "data"), e.bin, "scan", "--format", "json", infra)
	if scan.code != exitNotReady {
		t.Fatalf("readiness scan DIR: exit %d, want %d\n%s%s", scan.code, exitNotReady, scan.stdout, scan.stderr)
	}
	rep := decodeReport(t, scan.stdout)
	if len(rep.Inputs) != 1 || rep.Inputs[0].Kind != "config" {
		t.Errorf("inputs = %+v, want one of kind config", rep.Inputs)
	}

	planFile := filepath.Join(tmp, "tfplan")
	plan := e.run(t, dir, filepath.Join(tmp, "data"), e.terraform, "plan", "-input=false", "-no-color", "-out="+planFile)
	if plan.code != 0 {
		t.Fatalf("terraform plan: exit %d\n%s", plan.code, plan.stderr)
	}
	show := e.run(t, dir, filepath.Join(tmp, "data"), e.terraform, "show", "-json", planFile)
	var doc struct {
		OutputChanges map[string]struct {
			After any `json:"after"`
		} `json:"output_changes"`
	}
	if err := json.Unmarshal([]byte(show.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	ready, score := doc.OutputChanges["ready"].After, doc.OutputChanges["score"].After
	if ready != rep.Summary.Ready || score != float64(rep.Summary.Score) {
		t.Errorf("readiness_config says ready %v, score %v; readiness scan DIR says ready %t, score %d",
			ready, score, rep.Summary.Ready, rep.Summary.Score)
	}
}

// TestBinaryPlanDataSource: readiness_plan reads a binary plan file from
// terraform plan -out (through terraform show -json) and judges it as the
// CLI does: the failed check block of the check-blocks guide makes it not
// ready.
func TestBinaryPlanDataSource(t *testing.T) {
	e := setup(t)
	tmp := t.TempDir()
	guide := filepath.Join(e.root, "examples", "guides", "check-blocks")
	planFile := filepath.Join(tmp, "tfplan")
	if plan := e.run(t, guide, filepath.Join(tmp, "guide-data"), e.terraform, "plan", "-input=false", "-no-color", "-out="+planFile); plan.code != 0 {
		t.Fatalf("terraform plan: exit %d\n%s", plan.code, plan.stderr)
	}
	gate := filepath.Join(tmp, "gate")
	config := `terraform {
  required_providers {
    readiness = { source = "` + providerSource + `" }
  }
}

data "readiness_plan" "p" {
  path = ` + fmt.Sprintf("%q", planFile) + `
}

output "ready" {
  value = data.readiness_plan.p.ready
}

output "failures" {
  value = data.readiness_plan.p.failures
}
`
	if err := os.MkdirAll(gate, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(gate, "main.tf"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	gatePlan := filepath.Join(tmp, "gate.tfplan")
	if plan := e.run(t, gate, filepath.Join(tmp, "gate-data"), e.terraform, "plan", "-input=false", "-no-color", "-out="+gatePlan); plan.code != 0 {
		t.Fatalf("terraform plan (gate): exit %d\n%s%s", plan.code, plan.stdout, plan.stderr)
	}
	show := e.run(t, gate, filepath.Join(tmp, "gate-data"), e.terraform, "show", "-json", gatePlan)
	var doc struct {
		OutputChanges map[string]struct {
			After any `json:"after"`
		} `json:"output_changes"`
	}
	if err := json.Unmarshal([]byte(show.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if ready := doc.OutputChanges["ready"].After; ready != false {
		t.Errorf("ready = %v, want false", ready)
	}
	failures, _ := doc.OutputChanges["failures"].After.([]any)
	want := "check.database_ready: check_block (high): The orders database is not production ready:"
	if len(failures) != 1 || !strings.HasPrefix(fmt.Sprint(failures[0]), want) {
		t.Errorf("failures = %q, want one starting %q", failures, want)
	}
}
