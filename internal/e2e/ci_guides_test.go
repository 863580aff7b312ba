package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The CI snippets that docs/guides/gitlab-ci.md, atlantis.md and jenkins.md
// include, each run here as its runner runs it: the YAML parsed (a syntax
// error fails) and checked for the keys the runner needs, then every shell
// command executed in order with the built readiness and a fake terraform
// (ci_harness_test.go), for a ready plan and one that is not.

const (
	gitlabSnippet   = "examples/ci/gitlab/.gitlab-ci.yml"
	atlantisRepos   = "examples/ci/atlantis/repos.yaml"
	atlantisRepo    = "examples/ci/atlantis/atlantis.yaml"
	jenkinsSnippet  = "examples/ci/jenkins/Jenkinsfile"
	notReadyCheckID = "aws_rds_multi_az" // a high failure of examples/scan/webapp
	readyCheckID    = "aws_s3_replication"
)

// TestCIGuideGitLab runs the GitLab job's script as a runner does (one shell,
// stopping at the first command that fails) and checks the reports its
// artifacts name: JUnit for the test summary, Code Climate JSON for code
// quality, SARIF kept as a file; then its after_script, which posts the
// Markdown report as a merge-request note when it has a token.
func TestCIGuideGitLab(t *testing.T) {
	e := setup(t)
	job := dig(t, readYAML(t, filepath.Join(e.root, gitlabSnippet)), "readiness")
	script := yamlStrings(t, dig(t, job, "script"))
	scan := commandWith(t, script, "readiness scan")
	junit := reportFile(t, scan, "junit")
	sarif := reportFile(t, scan, "sarif")
	html := reportFile(t, scan, "html")
	markdown := reportFile(t, scan, "markdown")
	codeQuality, _ := dig(t, job, "artifacts", "reports", "codequality").(string)

	if got := dig(t, job, "artifacts", "reports", "junit"); got != junit {
		t.Errorf("artifacts:reports:junit is %v, the scan writes %s", got, junit)
	}
	if written := reportFile(t, scan, "gitlab"); written != codeQuality {
		t.Errorf("artifacts:reports:codequality is %q, the scan writes its gitlab report to %s", codeQuality, written)
	}
	if paths := yamlStrings(t, dig(t, job, "artifacts", "paths")); !slices.Contains(paths, sarif) || !slices.Contains(paths, html) || !slices.Contains(paths, markdown) {
		t.Errorf("artifacts:paths %v leave out one of %s, %s, %s", paths, sarif, html, markdown)
	}
	if got := dig(t, job, "artifacts", "when"); got != "always" {
		t.Errorf("artifacts:when is %v: the reports of a plan that is not ready would be lost", got)
	}
	afterScript := yamlStrings(t, dig(t, job, "after_script"))
	jobVars := map[string]string{}
	for k, v := range dig(t, job, "variables").(map[string]any) {
		jobVars[k], _ = v.(string)
	}

	for name, plan := range ciPlans {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := newCIRunner(t, e, name)
			vars := maps(jobVars, map[string]string{"CI_PROJECT_DIR": r.workspace})
			res := r.run(t, r.workspace, vars, []string{"sh", "-e", "-c"}, strings.Join(script, "\n"))
			if want := map[bool]int{true: 0, false: 2}[plan.ready]; res.code != want {
				t.Fatalf("the job exits %d, want %d:\n%s", res.code, want, res.output)
			}
			mustExist(t, r.file(sarif), r.file(html), r.file(markdown))
			if _, failures := checkJUnit(t, r.file(junit)); !plan.ready && failures == 0 {
				t.Errorf("%s has no failed test case for a plan that is not ready", junit)
			}
			if checkSARIF(t, r.file(sarif)) == 0 {
				t.Errorf("%s holds no result", sarif)
			}
			issues := checkCodeQuality(t, r.file(codeQuality))
			want := codeQualityIssue{CheckName: readyCheckID, Severity: "minor"}
			if !plan.ready {
				want = codeQualityIssue{CheckName: notReadyCheckID, Severity: "critical"}
			}
			if !slices.ContainsFunc(issues, func(is codeQualityIssue) bool {
				return is.CheckName == want.CheckName && is.Severity == want.Severity && is.Location.Path == "infra/main.tf"
			}) {
				t.Errorf("no %s issue of severity %s at infra/main.tf among %d issues", want.CheckName, want.Severity, len(issues))
			}
			checkNote(t, r, afterScript)
		})
	}

	t.Run("unreadable plan", func(t *testing.T) {
		t.Parallel()
		r := newCIRunner(t, e, "ready")
		r.showInstead(t, "this is not a plan")
		vars := maps(jobVars, map[string]string{"CI_PROJECT_DIR": r.workspace})
		res := r.run(t, r.workspace, vars, []string{"sh", "-e", "-c"}, strings.Join(script, "\n"))
		if res.code != 1 {
			t.Fatalf("the job exits %d for a plan readiness cannot read, want 1:\n%s", res.code, res.output)
		}
		if _, err := os.Stat(r.file(codeQuality)); err == nil {
			t.Errorf("%s written although the scan wrote no report", codeQuality)
		}
	})
}

// checkNote runs the after_script with a fake curl: with a token and a merge
// request it posts the Markdown report to the merge request's notes, without
// a token it posts nothing.
func checkNote(t *testing.T, r *ciRunner, afterScript []string) {
	t.Helper()
	calls := filepath.Join(filepath.Dir(r.workspace), "curl-calls")
	r.addTool(t, "curl", "#!/bin/sh\nprintf '%s\\n' \"$@\" >> "+calls+"\n")
	mr := map[string]string{
		"CI_MERGE_REQUEST_IID": "7",
		"CI_API_V4_URL":        "https://gitlab.example/api/v4",
		"CI_PROJECT_ID":        "42",
	}
	if res := r.run(t, r.workspace, mr, []string{"sh", "-e", "-c"}, strings.Join(afterScript, "\n")); res.code != 0 {
		t.Fatalf("after_script without a token exits %d:\n%s", res.code, res.output)
	}
	if _, err := os.Stat(calls); err == nil {
		t.Fatal("after_script called curl without READINESS_NOTE_TOKEN")
	}
	withToken := maps(mr, map[string]string{"READINESS_NOTE_TOKEN": "glpat-test"})
	if res := r.run(t, r.workspace, withToken, []string{"sh", "-e", "-c"}, strings.Join(afterScript, "\n")); res.code != 0 {
		t.Fatalf("after_script exits %d:\n%s", res.code, res.output)
	}
	b, err := os.ReadFile(calls)
	if err != nil {
		t.Fatalf("after_script did not call curl: %v", err)
	}
	args := strings.Split(strings.TrimSpace(string(b)), "\n")
	for _, want := range []string{"PRIVATE-TOKEN: glpat-test", "body@readiness.md", "https://gitlab.example/api/v4/projects/42/merge_requests/7/notes"} {
		if !slices.Contains(args, want) {
			t.Errorf("curl was called with %q, without %q", args, want)
		}
	}
}

// atlantisEnv is what Atlantis gives a run step of a project in infra/.
func atlantisEnv(r *ciRunner) map[string]string {
	dir := r.file("infra")
	return map[string]string{
		"DIR":                        dir,
		"PLANFILE":                   filepath.Join(dir, "default.tfplan"),
		"SHOWFILE":                   filepath.Join(dir, "default.json"),
		"WORKSPACE":                  "default",
		"ATLANTIS_TERRAFORM_VERSION": "1.8.5",
		"REPO_REL_DIR":               "infra",
		"PROJECT_NAME":               "",
		"BASE_REPO_OWNER":            "acme",
		"BASE_REPO_NAME":             "platform-infra",
		"HEAD_REPO_OWNER":            "acme",
		"HEAD_REPO_NAME":             "platform-infra",
		"HEAD_BRANCH_NAME":           "change",
		"BASE_BRANCH_NAME":           "main",
		"PULL_NUM":                   "1",
		"USER_NAME":                  "atlantis",
	}
}

// atlantisBuiltins are the commands of Atlantis' built-in steps.
var atlantisBuiltins = map[string]string{
	"init": `terraform init -input=false`,
	"plan": `terraform plan -input=false -refresh -out "$PLANFILE"`,
	"show": `terraform show -json "$PLANFILE" > "$SHOWFILE"`,
}

// atlantisCommands turns a stage's steps into shell commands: a built-in
// step's command, or a run step's own (compact or expanded form).
func atlantisCommands(t *testing.T, stage any) []string {
	t.Helper()
	var cmds []string
	for _, step := range dig(t, stage, "steps").([]any) {
		switch s := step.(type) {
		case string:
			cmd, ok := atlantisBuiltins[s]
			if !ok {
				t.Fatalf("step %q is not a built-in step the harness knows", s)
			}
			cmds = append(cmds, cmd)
		case map[string]any:
			switch run := s["run"].(type) {
			case string:
				cmds = append(cmds, run)
			case map[string]any:
				cmds = append(cmds, dig(t, run, "command").(string))
			default:
				t.Fatalf("step %v is neither a built-in nor a run step", s)
			}
		}
	}
	return cmds
}

// runAtlantis runs commands as Atlantis runs a stage: each with sh -c in the
// project's directory, stopping at the first that exits non-zero. It returns
// the last command's outcome, the output of all, and how many ran.
func runAtlantis(t *testing.T, r *ciRunner, cmds []string) (last shellRun, output string, ran int) {
	t.Helper()
	env := atlantisEnv(r)
	var out strings.Builder
	for _, cmd := range cmds {
		last = r.run(t, env["DIR"], env, []string{"sh", "-c"}, cmd)
		out.WriteString(last.output)
		ran++
		if last.code != 0 {
			break
		}
	}
	return last, out.String(), ran
}

// atlantisPolicyFailed says whether Atlantis reads a custom policy check's
// output as a failed policy set, by the rule before runatlantis/atlantis#6019
// (the output contains "fail"; read here in any case, the stricter reading
// for a ready plan) and by the rule that pull request describes (a line
// starting FAIL, as conftest writes, or a count of failures above zero).
func atlantisPolicyFailed(output string) (before, after bool) {
	before = strings.Contains(strings.ToLower(output), "fail")
	after = regexp.MustCompile(`(?m)^FAIL\b`).MatchString(output) ||
		regexp.MustCompile(`\b[1-9][0-9]* failures?\b`).MatchString(output)
	return before, after
}

// TestCIGuideAtlantis runs the workflows of the server-side repos.yaml and
// the repo-level atlantis.yaml: the gate in the plan stage, which fails a
// plan that is not ready, and the custom policy check, whose output Atlantis
// must read as failed exactly when the plan is not ready.
func TestCIGuideAtlantis(t *testing.T) {
	e := setup(t)
	repos := readYAML(t, filepath.Join(e.root, atlantisRepos))
	repo := readYAML(t, filepath.Join(e.root, atlantisRepo))

	workflows := dig(t, repos, "workflows").(map[string]any)
	for i, entry := range dig(t, repos, "repos").([]any) {
		name, _ := dig(t, entry, "workflow").(string)
		wf, ok := workflows[name]
		if !ok {
			t.Fatalf("repos[%d] names workflow %q, which repos.yaml does not define", i, name)
		}
		if _, policy := wf.(map[string]any)["policy_check"]; policy {
			for _, key := range []string{"policy_check", "custom_policy_check"} {
				if dig(t, entry, key) != true {
					t.Errorf("repos[%d] runs the custom policy check of %q without %s: true", i, name, key)
				}
			}
		}
	}
	for i, set := range dig(t, repos, "policies", "policy_sets").([]any) {
		if dig(t, set, "name") == "" || dig(t, set, "path") == "" || dig(t, set, "source") != "local" {
			t.Errorf("policy_sets[%d] = %v: Atlantis requires a name, a path and source local", i, set)
		}
	}
	if v := dig(t, repo, "version"); v != 3.0 {
		t.Errorf("atlantis.yaml version %v, want 3", v)
	}
	project := dig(t, repo, "projects", 0)
	if dig(t, project, "dir") != "infra" {
		t.Errorf("atlantis.yaml's project is %v, the harness plans infra", project)
	}
	repoGate := dig(t, repo, "workflows", dig(t, project, "workflow").(string))
	if diff := cmp.Diff(workflows["readiness-gate"], repoGate); diff != "" {
		t.Errorf("the workflow of atlantis.yaml differs from repos.yaml's readiness-gate (-repos.yaml +atlantis.yaml):\n%s", diff)
	}

	gates := map[string][]string{
		"repos.yaml":    atlantisCommands(t, dig(t, workflows, "readiness-gate", "plan")),
		"atlantis.yaml": atlantisCommands(t, dig(t, repoGate, "plan")),
	}
	defaultPlan := []string{atlantisBuiltins["init"], atlantisBuiltins["plan"]}
	policy := atlantisCommands(t, dig(t, workflows, "readiness-policy", "policy_check"))

	for name, plan := range ciPlans {
		for file, cmds := range gates {
			t.Run(file+" gate/"+name, func(t *testing.T) {
				t.Parallel()
				r := newCIRunner(t, e, name)
				last, out, ran := runAtlantis(t, r, cmds)
				switch {
				case plan.ready && last.code != 0:
					t.Fatalf("the plan of a ready plan fails at step %d (%s), exit %d:\n%s", ran, firstLine(cmds[ran-1]), last.code, out)
				case !plan.ready && (ran != len(cmds) || last.code != 2):
					t.Fatalf("the plan of a plan that is not ready: step %d of %d exits %d, want the scan to exit 2:\n%s", ran, len(cmds), last.code, out)
				case !plan.ready && !strings.Contains(last.output, notReadyCheckID):
					t.Errorf("the scan's output does not name %s:\n%s", notReadyCheckID, last.output)
				}
			})
		}
		t.Run("policy check/"+name, func(t *testing.T) {
			t.Parallel()
			r := newCIRunner(t, e, name)
			if last, out, _ := runAtlantis(t, r, defaultPlan); last.code != 0 {
				t.Fatalf("the default plan stage fails:\n%s", out)
			}
			last, out, ran := runAtlantis(t, r, policy)
			if last.code != 0 {
				t.Fatalf("policy check step %d exits %d: a plan judged, ready or not, must exit 0:\n%s", ran, last.code, out)
			}
			before, after := atlantisPolicyFailed(last.output)
			if before != !plan.ready || after != !plan.ready {
				t.Errorf("Atlantis reads the policy set as failed: %t (before #6019), %t (after); want %t:\n%s", before, after, !plan.ready, last.output)
			}
			if !plan.ready && !strings.Contains(last.output, notReadyCheckID) {
				t.Errorf("the policy check's output does not name %s:\n%s", notReadyCheckID, last.output)
			}
		})
	}

	t.Run("policy check/unreadable plan", func(t *testing.T) {
		t.Parallel()
		r := newCIRunner(t, e, "ready")
		r.showInstead(t, "this is not a plan")
		runAtlantis(t, r, defaultPlan)
		last, out, _ := runAtlantis(t, r, policy)
		before, after := atlantisPolicyFailed(last.output)
		if last.code == 0 || !before || !after {
			t.Errorf("a plan readiness cannot read: exit %d, read as failed %t/%t; want a non-zero exit and a failed policy set:\n%s", last.code, before, after, out)
		}
	})
}

// jenkinsSh finds the sh steps of a Jenkinsfile, single-quoted on one line
// each. This is a regular expression over the text, not a Groovy parser: it
// checks that the commands run, not that Jenkins accepts the file.
var jenkinsSh = regexp.MustCompile(`(?m)^\s*sh '([^']*)'\s*$`)

// TestCIGuideJenkins runs the Jenkinsfile's sh steps in order, each with sh
// -xe as the sh step does, stopping at the first that fails, and checks that
// the junit and archiveArtifacts steps name the files the scan writes.
func TestCIGuideJenkins(t *testing.T) {
	e := setup(t)
	src, err := os.ReadFile(filepath.Join(e.root, jenkinsSnippet))
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	if strings.Count(text, "{") != strings.Count(text, "}") {
		t.Fatalf("%s: unbalanced braces", jenkinsSnippet)
	}
	var steps []string
	for _, m := range jenkinsSh.FindAllStringSubmatch(text, -1) {
		steps = append(steps, m[1])
	}
	scan := commandWith(t, steps, "readiness scan")
	junit := reportFile(t, scan, "junit")
	if m := regexp.MustCompile(`junit testResults: '([^']+)'`).FindStringSubmatch(text); m == nil || m[1] != junit {
		t.Errorf("the junit step reads %v, the scan writes %s", m, junit)
	}
	if m := regexp.MustCompile(`archiveArtifacts artifacts: '([^']+)'`).FindStringSubmatch(text); m == nil || m[1] != reportFile(t, scan, "html") {
		t.Errorf("archiveArtifacts keeps %v, not the HTML report", m)
	}

	for name, plan := range ciPlans {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := newCIRunner(t, e, name)
			var last shellRun
			ran := 0
			for _, step := range steps {
				last = r.run(t, r.workspace, nil, []string{"sh", "-xe", "-c"}, step)
				ran++
				if last.code != 0 {
					break
				}
			}
			switch {
			case plan.ready && last.code != 0:
				t.Fatalf("sh step %d (%s) exits %d:\n%s", ran, steps[ran-1], last.code, last.output)
			case !plan.ready && (ran != len(steps) || last.code != 2):
				t.Fatalf("sh step %d of %d exits %d, want the scan, the last, to exit 2:\n%s", ran, len(steps), last.code, last.output)
			}
			if _, failures := checkJUnit(t, r.file(junit)); !plan.ready && failures == 0 {
				t.Errorf("%s has no failed test case for a plan that is not ready", junit)
			}
		})
	}
}

// commandWith finds the one command of a snippet that contains marker.
func commandWith(t *testing.T, cmds []string, marker string) string {
	t.Helper()
	var found []string
	for _, c := range cmds {
		if strings.Contains(c, marker) {
			found = append(found, c)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d commands contain %q, want one: %q", len(found), marker, found)
	}
	return found[0]
}

// maps merges variable sets, later ones winning.
func maps(sets ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, s := range sets {
		for k, v := range s {
			out[k] = v
		}
	}
	return out
}
