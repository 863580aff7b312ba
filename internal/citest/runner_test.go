package citest

import (
	"bufio"
	"errors"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// actionFile is what a runner reads of a composite action's action.yml.
type actionFile struct {
	Name    string                  `json:"name"`
	Inputs  map[string]actionInput  `json:"inputs"`
	Outputs map[string]actionOutput `json:"outputs"`
	Runs    struct {
		Using string       `json:"using"`
		Steps []actionStep `json:"steps"`
	} `json:"runs"`
}

type actionInput struct {
	Description string `json:"description"`
	Required    bool   `json:"required"`
	Default     string `json:"default"`
}

type actionOutput struct {
	Description string `json:"description"`
	Value       string `json:"value"`
}

type actionStep struct {
	Name  string            `json:"name"`
	ID    string            `json:"id"`
	If    string            `json:"if"`
	Shell string            `json:"shell"`
	Run   string            `json:"run"`
	Uses  string            `json:"uses"`
	Env   map[string]string `json:"env"`
	With  map[string]string `json:"with"`
}

func readAction(t *testing.T) actionFile {
	t.Helper()
	var a actionFile
	if err := readYAML(filepath.Join(repoRoot, "action.yml"), &a); err != nil {
		t.Fatal(err)
	}
	return a
}

// sarifUploader is the one action the composite action uses; the harness
// does not run it, it checks what it would upload.
const sarifUploader = "github/codeql-action/upload-sarif@v3"

// job runs the action's steps as GitHub's runner runs a composite action:
// in the order action.yml lists them, each shell step's run text with
// `bash --noprofile --norc -eo pipefail`, its env: evaluated over the
// runner's environment, fresh GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and
// GITHUB_PATH files per step, and every step after a failed one skipped (no
// step has an if: that runs after a failure).
type job struct {
	action actionFile
	// with is the workflow's `with:` for the action.
	with map[string]string
	// env is the runner's environment for every step.
	env map[string]string
	// token is github.token.
	token string
}

type jobResult struct {
	steps []stepResult
	// outputs are the action's outputs, as the workflow sees them.
	outputs map[string]string
	// stepOutputs are each step's outputs, by step id.
	stepOutputs map[string]map[string]string
	// rawOutputs is every step's GITHUB_OUTPUT file, as written.
	rawOutputs string
	summary    string
	// path is what the steps added to GITHUB_PATH.
	path []string
	// sarif is the file the SARIF upload step would upload; "" when the
	// step did not run.
	sarif string
}

type stepResult struct {
	name string
	ran  bool
	exit int
	log  string
}

// step returns the result of the step named name.
func (r jobResult) step(t *testing.T, name string) stepResult {
	t.Helper()
	for _, s := range r.steps {
		if s.name == name {
			return s
		}
	}
	t.Fatalf("action.yml has no step %q", name)
	return stepResult{}
}

// logs is every step's output, together.
func (r jobResult) logs() string {
	var b strings.Builder
	for _, s := range r.steps {
		b.WriteString(s.log)
	}
	return b.String()
}

// failedStep is the name of the step that failed the job, or "".
func (r jobResult) failedStep() string {
	for _, s := range r.steps {
		if s.ran && s.exit != 0 {
			return s.name
		}
	}
	return ""
}

var expression = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// eval replaces the expressions in s: the few contexts the action uses.
func (j *job) eval(t *testing.T, s string, steps map[string]map[string]string) string {
	t.Helper()
	return expression.ReplaceAllStringFunc(s, func(m string) string {
		e := expression.FindStringSubmatch(m)[1]
		parts := strings.Split(e, ".")
		switch {
		case e == "github.token":
			return j.token
		case len(parts) == 2 && parts[0] == "inputs":
			return j.input(t, parts[1])
		case len(parts) == 4 && parts[0] == "steps" && parts[2] == "outputs":
			return steps[parts[1]][parts[3]]
		}
		t.Fatalf("action.yml uses the expression %q, which this harness does not evaluate: teach runner_test.go", e)
		return ""
	})
}

func (j *job) input(t *testing.T, name string) string {
	t.Helper()
	in, ok := j.action.Inputs[name]
	if !ok {
		t.Fatalf("action.yml uses input %q, which it does not declare", name)
	}
	if v, ok := j.with[name]; ok {
		return v
	}
	if in.Required {
		t.Fatalf("input %q is required and the test does not give it", name)
	}
	return j.eval(t, in.Default, nil)
}

var inputIsTrue = regexp.MustCompile(`^inputs\.([A-Za-z0-9_-]+) == 'true'$`)

func (j *job) run(t *testing.T) jobResult {
	t.Helper()
	for name := range j.with {
		if _, ok := j.action.Inputs[name]; !ok {
			t.Fatalf("the test gives input %q, which action.yml does not declare", name)
		}
	}
	res := jobResult{stepOutputs: map[string]map[string]string{}, outputs: map[string]string{}}
	env := maps.Clone(j.env)
	failed := false
	for i, step := range j.action.Runs.Steps {
		r := stepResult{name: step.Name}
		switch {
		case failed:
		case step.Uses != "":
			cond := inputIsTrue.FindStringSubmatch(step.If)
			if cond == nil || step.Uses != sarifUploader {
				t.Fatalf("step %q: the harness knows only %s with if: inputs.NAME == 'true', not %q with if: %q", step.Name, sarifUploader, step.Uses, step.If)
			}
			if j.input(t, cond[1]) == "true" {
				r.ran = true
				res.sarif = j.eval(t, step.With["sarif_file"], res.stepOutputs)
			}
		default:
			if step.If != "" || step.Shell != "bash" {
				t.Fatalf("step %q: the harness runs shell: bash steps without if:, not shell %q with if: %q", step.Name, step.Shell, step.If)
			}
			r.ran = true
			j.runStep(t, i, step, env, &r, &res)
			failed = r.exit != 0
		}
		res.steps = append(res.steps, r)
	}
	for name, o := range j.action.Outputs {
		res.outputs[name] = j.eval(t, o.Value, res.stepOutputs)
	}
	return res
}

// runStep runs one shell step and gathers what it wrote for the runner.
func (j *job) runStep(t *testing.T, i int, step actionStep, env map[string]string, r *stepResult, res *jobResult) {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"GITHUB_OUTPUT":       filepath.Join(dir, "output"),
		"GITHUB_STEP_SUMMARY": filepath.Join(dir, "summary"),
		"GITHUB_PATH":         filepath.Join(dir, "path"),
	}
	stepEnv := maps.Clone(env)
	for name, file := range files {
		if err := os.WriteFile(file, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		stepEnv[name] = file
	}
	for name, value := range step.Env {
		stepEnv[name] = j.eval(t, value, res.stepOutputs)
	}
	script := filepath.Join(dir, "step.sh")
	if err := os.WriteFile(script, []byte(step.Run), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
	cmd.Dir = env["GITHUB_WORKSPACE"]
	for name, value := range stepEnv {
		cmd.Env = append(cmd.Env, name+"="+value)
	}
	out, err := cmd.CombinedOutput()
	r.log = string(out)
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.exit = exit.ExitCode()
	case err != nil:
		t.Fatalf("step %d (%s): %v", i, step.Name, err)
	}

	raw := readFile(t, files["GITHUB_OUTPUT"])
	res.rawOutputs += raw
	if step.ID != "" {
		res.stepOutputs[step.ID] = parseOutputs(t, raw)
	}
	res.summary += readFile(t, files["GITHUB_STEP_SUMMARY"])
	for _, dir := range strings.Split(readFile(t, files["GITHUB_PATH"]), "\n") {
		if dir != "" {
			res.path = append(res.path, dir)
			env["PATH"] = dir + string(os.PathListSeparator) + env["PATH"]
		}
	}
}

// parseOutputs reads a GITHUB_OUTPUT file: NAME=VALUE lines, and
// NAME<<DELIMITER blocks.
func parseOutputs(t *testing.T, text string) map[string]string {
	t.Helper()
	outputs := map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		line := sc.Text()
		if name, delim, ok := strings.Cut(line, "<<"); ok && !strings.Contains(name, "=") {
			var value []string
			for sc.Scan() && sc.Text() != delim {
				value = append(value, sc.Text())
			}
			outputs[name] = strings.Join(value, "\n")
			continue
		}
		name, value, ok := strings.Cut(line, "=")
		if !ok {
			t.Fatalf("GITHUB_OUTPUT line %q is neither NAME=VALUE nor NAME<<DELIMITER", line)
		}
		outputs[name] = value
	}
	return outputs
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
