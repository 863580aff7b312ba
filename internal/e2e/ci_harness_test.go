package e2e

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	ctyyaml "github.com/zclconf/go-cty-yaml"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// The harness behind ci_guides_test.go: the CI snippets of docs/guides run as
// their runners would run them, in a workspace of their own, with the built
// readiness on PATH and a fake terraform that answers with a fixture plan.

// ciPlans are the fixture plans the snippets judge. Each lies beside the
// main.tf that declares its resources, copied with it into the workspace's
// infra/ so that findings are located there.
var ciPlans = map[string]struct {
	dir   string // under the module root: plan.json and main.tf
	ready bool   // readiness scan exits 0, else 2
}{
	"ready":     {dir: "provider/testdata/ready", ready: true},
	"not ready": {dir: "examples/scan/webapp", ready: false},
}

// fakeTerraformScript stands in for terraform: init does nothing, plan
// -out=FILE writes FILE, show -json FILE prints the fixture plan once FILE
// exists (so a snippet that shows before it plans fails), all after an
// optional -chdir=DIR.
const fakeTerraformScript = `#!/bin/sh
set -e
case "$1" in -chdir=*) cd "${1#-chdir=}"; shift ;; esac
cmd=$1; shift
case "$cmd" in
  init) echo "fake terraform: initialised" ;;
  plan)
    out=
    while [ $# -gt 0 ]; do
      case "$1" in -out=*) out=${1#-out=} ;; -out) shift; out=$1 ;; esac
      shift
    done
    [ -n "$out" ] || { echo "fake terraform: plan without -out" >&2; exit 1; }
    echo "fake binary plan" > "$out"
    echo "fake terraform: plan saved to $out" ;;
  show)
    [ "$1" = "-json" ] || { echo "fake terraform: show without -json" >&2; exit 1; }
    [ -f "$2" ] || { echo "fake terraform: no plan file $2" >&2; exit 1; }
    cat "$PLAN_FIXTURE" ;;
  *) echo "fake terraform: unexpected command $cmd" >&2; exit 1 ;;
esac
`

// ciRunner is a workspace with its tools: the repository checkout a CI job
// would see (infra/main.tf), and a PATH with readiness, the fake terraform
// and the machine's own tools (sh, jq, sed).
type ciRunner struct {
	workspace   string   // the job's working directory, the repository root
	bin         string   // first on PATH: readiness, terraform and other fakes
	planFixture string   // what the fake terraform's show prints
	env         []string // PATH and the rest of the harness's variables
}

// newCIRunner prepares a workspace for the fixture plan named plan (ciPlans).
func newCIRunner(t *testing.T, e *env, plan string) *ciRunner {
	t.Helper()
	tmp := t.TempDir()
	workspace := filepath.Join(tmp, "repo")
	infra := filepath.Join(workspace, "infra")
	bin := filepath.Join(tmp, "bin")
	for _, d := range []string{infra, bin} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	fixture := filepath.Join(e.root, filepath.FromSlash(ciPlans[plan].dir))
	copyFile(t, filepath.Join(fixture, "main.tf"), filepath.Join(infra, "main.tf"))
	if err := os.WriteFile(filepath.Join(bin, "terraform"), []byte(fakeTerraformScript), 0o755); err != nil {
		t.Fatal(err)
	}
	// The build is named as Terraform expects a provider; CI calls it readiness.
	if err := os.Symlink(e.bin, filepath.Join(bin, "readiness")); err != nil {
		t.Fatal(err)
	}
	return &ciRunner{
		workspace:   workspace,
		bin:         bin,
		planFixture: filepath.Join(fixture, "plan.json"),
		env: []string{
			"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"),
			"HOME=" + tmp,
			"NO_COLOR=1",
			"CI=true",
		},
	}
}

// showInstead makes the fake terraform's show print content instead of the
// fixture plan: a plan readiness cannot read, say.
func (r *ciRunner) showInstead(t *testing.T, content string) {
	t.Helper()
	r.planFixture = filepath.Join(filepath.Dir(r.workspace), "shown.json")
	if err := os.WriteFile(r.planFixture, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// addTool puts an executable script named name first on PATH.
func (r *ciRunner) addTool(t *testing.T, name, script string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(r.bin, name), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
}

// shellRun is one script's outcome: its exit code and everything it wrote,
// standard output and standard error interleaved as a CI log shows them.
type shellRun struct {
	code   int
	output string
}

// run runs script with the shell and arguments a runner uses (sh -e -c for
// GitLab, sh -xe -c for Jenkins' sh step, sh -c for Atlantis' run step) in
// dir, with the runner's variables added to the harness's environment.
func (r *ciRunner) run(t *testing.T, dir string, vars map[string]string, shell []string, script string) shellRun {
	t.Helper()
	args := append(append([]string{}, shell[1:]...), script)
	cmd := exec.Command(shell[0], args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), r.env...), "PLAN_FIXTURE="+r.planFixture)
	for k, v := range vars {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", shell[0], err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(2 * time.Minute):
		_ = cmd.Process.Kill()
		t.Fatalf("%s timed out running:\n%s\n%s", shell[0], script, out.String())
	}
	res := shellRun{output: out.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		res.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s: %v", shell[0], err)
	}
	return res
}

// file is the path of name in the workspace.
func (r *ciRunner) file(name string) string {
	return filepath.Join(r.workspace, filepath.FromSlash(name))
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// readYAML parses a snippet as YAML, failing the test on a syntax error, and
// returns it as encoding/json would decode the same document: through cty,
// which go-cty-yaml reads it into, and cty's JSON.
func readYAML(t *testing.T, path string) map[string]any {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ty, err := ctyyaml.Standard.ImpliedType(src)
	if err != nil {
		t.Fatalf("%s is not valid YAML: %v", path, err)
	}
	val, err := ctyyaml.Standard.Unmarshal(src, ty)
	if err != nil {
		t.Fatalf("%s is not valid YAML: %v", path, err)
	}
	js, err := ctyjson.Marshal(val, ty)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(js, &doc); err != nil {
		t.Fatalf("%s: the document is not a mapping: %v", path, err)
	}
	return doc
}

// dig walks a decoded YAML document by mapping keys and sequence indexes,
// failing the test with the path when something is missing.
func dig(t *testing.T, doc any, path ...any) any {
	t.Helper()
	cur := doc
	for i, step := range path {
		switch key := step.(type) {
		case string:
			m, ok := cur.(map[string]any)
			if !ok || m[key] == nil {
				t.Fatalf("no %v in the snippet", path[:i+1])
			}
			cur = m[key]
		case int:
			l, ok := cur.([]any)
			if !ok || key >= len(l) {
				t.Fatalf("no %v in the snippet", path[:i+1])
			}
			cur = l[key]
		}
	}
	return cur
}

// yamlStrings reads a YAML sequence of strings.
func yamlStrings(t *testing.T, v any) []string {
	t.Helper()
	l, ok := v.([]any)
	if !ok {
		t.Fatalf("%v is not a sequence", v)
	}
	out := make([]string, len(l))
	for i, s := range l {
		if out[i], ok = s.(string); !ok {
			t.Fatalf("%v is not a string", s)
		}
	}
	return out
}

// reportFile finds the FILE of --format FMT=FILE in a command line.
func reportFile(t *testing.T, command, format string) string {
	t.Helper()
	m := regexp.MustCompile(`--format[ =]` + format + `=(\S+)`).FindStringSubmatch(command)
	if m == nil {
		t.Fatalf("no --format %s=FILE in %q", format, command)
	}
	return m[1]
}

// junitReport is what a CI system reads of a JUnit file.
type junitReport struct {
	XMLName xml.Name `xml:"testsuites"`
	Suites  []struct {
		Name  string `xml:"name,attr"`
		Cases []struct {
			Name    string    `xml:"name,attr"`
			Failure *struct{} `xml:"failure"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// checkJUnit reads a JUnit report and counts its test cases and failures.
func checkJUnit(t *testing.T, path string) (cases, failures int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("JUnit report: %v", err)
	}
	var rep junitReport
	if err := xml.Unmarshal(b, &rep); err != nil {
		t.Fatalf("%s is not JUnit XML: %v", filepath.Base(path), err)
	}
	for _, s := range rep.Suites {
		for _, c := range s.Cases {
			cases++
			if c.Failure != nil {
				failures++
			}
		}
	}
	if cases == 0 {
		t.Fatalf("%s holds no test case", filepath.Base(path))
	}
	return cases, failures
}

// checkSARIF reads a SARIF log and returns the number of its results.
func checkSARIF(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("SARIF report: %v", err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b, &log); err != nil {
		t.Fatalf("%s is not JSON: %v", filepath.Base(path), err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("%s: version %q with %d runs, want 2.1.0 with one", filepath.Base(path), log.Version, len(log.Runs))
	}
	return len(log.Runs[0].Results)
}

// codeQualityIssue is an issue of GitLab's code quality report: the subset
// of the Code Climate format that GitLab reads.
type codeQualityIssue struct {
	Description string `json:"description"`
	CheckName   string `json:"check_name"`
	Fingerprint string `json:"fingerprint"`
	Severity    string `json:"severity"`
	Location    struct {
		Path  string `json:"path"`
		Lines struct {
			Begin int `json:"begin"`
		} `json:"lines"`
	} `json:"location"`
}

// codeQualitySeverities are the severities GitLab accepts.
var codeQualitySeverities = map[string]bool{"info": true, "minor": true, "major": true, "critical": true, "blocker": true}

// checkCodeQuality reads a code quality report and checks every issue has
// what GitLab needs: a description, a check name, a unique fingerprint, a
// severity GitLab knows and a relative path with a line.
func checkCodeQuality(t *testing.T, path string) []codeQualityIssue {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("code quality report: %v", err)
	}
	if bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		t.Fatalf("%s starts with a byte order mark, which GitLab's parser refuses", filepath.Base(path))
	}
	var issues []codeQualityIssue
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&issues); err != nil {
		t.Fatalf("%s is not a list of Code Climate issues: %v", filepath.Base(path), err)
	}
	seen := map[string]bool{}
	for i, is := range issues {
		where := fmt.Sprintf("issue %d (%s)", i, is.CheckName)
		switch {
		case is.Description == "" || is.CheckName == "":
			t.Errorf("%s: description or check_name empty", where)
		case is.Fingerprint == "" || seen[is.Fingerprint]:
			t.Errorf("%s: fingerprint %q empty or repeated", where, is.Fingerprint)
		case !codeQualitySeverities[is.Severity]:
			t.Errorf("%s: severity %q is not one GitLab knows", where, is.Severity)
		case is.Location.Path == "" || filepath.IsAbs(is.Location.Path) || is.Location.Lines.Begin < 1:
			t.Errorf("%s: location %+v is not a relative path with a line", where, is.Location)
		}
		seen[is.Fingerprint] = true
	}
	return issues
}

// mustExist fails when a report the snippet promises is missing.
func mustExist(t *testing.T, paths ...string) {
	t.Helper()
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("the snippet did not leave %s: %v", filepath.Base(p), err)
		}
	}
}

// firstLine shortens a snippet's multi-line command for messages.
func firstLine(s string) string {
	return strings.SplitN(strings.TrimSpace(s), "\n", 2)[0]
}
