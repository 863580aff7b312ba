package citest

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// exampleWorkflow is the workflow the GitHub Actions guide shows.
var exampleWorkflow = filepath.Join("examples", "ci", "github", "readiness.yml")

type workflow struct {
	Permissions map[string]string `json:"permissions"`
	Jobs        map[string]struct {
		Steps []struct {
			ID   string         `json:"id"`
			Uses string         `json:"uses"`
			If   string         `json:"if"`
			With map[string]any `json:"with"`
		} `json:"steps"`
	} `json:"jobs"`
}

// TestExampleWorkflow: the example workflow gives the action inputs it
// declares, every required one, the permissions its comment and SARIF
// upload need, and reads outputs it sets; run with those inputs (its plan
// at the path it names), the action gates the pull request.
func TestExampleWorkflow(t *testing.T) {
	t.Parallel()
	needTools(t)
	var wf workflow
	if err := readYAML(filepath.Join(repoRoot, exampleWorkflow), &wf); err != nil {
		t.Fatal(err)
	}
	a := readAction(t)
	var with map[string]string
	for _, job := range wf.Jobs {
		for _, step := range job.Steps {
			for _, m := range regexp.MustCompile(`steps\.([a-z-]+)\.outputs\.([a-z-]+)`).FindAllStringSubmatch(fmt.Sprint(step.If, step.With), -1) {
				if _, ok := a.Outputs[m[2]]; !ok {
					t.Errorf("the example reads output %q of step %s, which action.yml does not declare", m[2], m[1])
				}
			}
			if !strings.HasPrefix(step.Uses, "prodready/terraform-provider-readiness@") {
				continue
			}
			with = map[string]string{}
			for name, v := range step.With {
				if _, ok := a.Inputs[name]; !ok {
					t.Errorf("the example gives input %q, which action.yml does not declare", name)
				}
				with[name] = fmt.Sprint(v)
			}
		}
	}
	if with == nil {
		t.Fatalf("%s does not use the action", exampleWorkflow)
	}
	for name, in := range a.Inputs {
		if _, ok := with[name]; in.Required && !ok {
			t.Errorf("the example does not give the required input %q", name)
		}
	}
	if with["upload-sarif"] == "true" && wf.Permissions["security-events"] != "write" {
		t.Error("the example uploads SARIF without permissions: security-events: write")
	}
	if with["comment"] != "false" && wf.Permissions["pull-requests"] != "write" {
		t.Error("the example comments without permissions: pull-requests: write")
	}

	w := newWorld(t)
	copyFile(t, filepath.Join(repoRoot, "examples", "scan", "webapp", "plan.json"), filepath.Join(w.workspace, with["plan"]))
	res := w.job(t, with).run(t)
	if got := res.failedStep(); got != stepVerdict {
		t.Errorf("failed step %q, want the verdict on the not-ready plan\n%s", got, res.logs())
	}
	if res.sarif == "" || len(ours(w.github.allComments())) != 1 {
		t.Errorf("the example's run uploaded SARIF %q and left %d comments, want an upload and one comment", res.sarif, len(ours(w.github.allComments())))
	}
}

// TestGitHubActionsGuideShowsTheExample: the guide shows the example
// workflow as it is.
func TestGitHubActionsGuideShowsTheExample(t *testing.T) {
	t.Parallel()
	example := readFile(t, filepath.Join(repoRoot, exampleWorkflow))
	guide := readFile(t, filepath.Join(repoRoot, "docs", "ci", "github-actions.md"))
	if !strings.Contains(guide, "```yaml\n"+example+"```\n") {
		t.Errorf("docs/ci/github-actions.md does not show %s as it is, in a yaml block", exampleWorkflow)
	}
}
