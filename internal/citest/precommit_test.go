package citest

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// hook is an entry of .pre-commit-hooks.yaml.
type hook struct {
	ID            string   `json:"id"`
	Name          string   `json:"name"`
	Entry         string   `json:"entry"`
	Language      string   `json:"language"`
	Files         string   `json:"files"`
	Exclude       string   `json:"exclude"`
	Args          []string `json:"args"`
	PassFilenames *bool    `json:"pass_filenames"`
	RequireSerial bool     `json:"require_serial"`
}

func readHooks(t *testing.T) map[string]hook {
	t.Helper()
	var list []hook
	if err := readYAML(filepath.Join(repoRoot, ".pre-commit-hooks.yaml"), &list); err != nil {
		t.Fatal(err)
	}
	hooks := map[string]hook{}
	for _, h := range list {
		hooks[h.ID] = h
	}
	return hooks
}

// hookRun is what one hook did.
type hookRun struct {
	// skipped: pre-commit would not have run the hook (no file matched).
	skipped bool
	exit    int
	output  string
	// scans is the argument list of each readiness run.
	scans [][]string
}

// runHook runs a hook as pre-commit does: the files that match its files:
// pattern (and not its exclude:), none meaning the hook is not run; then
// its entry (a script of this repository, language: script) with its
// args, or the user's args in their place, and the file names, from the
// root of the user's repository. bin is the directory put first on PATH.
func runHook(t *testing.T, h hook, repo string, files, args []string, bin string) hookRun {
	t.Helper()
	if h.Language != "script" {
		t.Fatalf("hook %s: the harness runs language: script, not %q", h.ID, h.Language)
	}
	include := regexp.MustCompile(h.Files)
	var exclude *regexp.Regexp
	if h.Exclude != "" {
		exclude = regexp.MustCompile(h.Exclude)
	}
	var matched []string
	for _, f := range files {
		if include.MatchString(f) && (exclude == nil || !exclude.MatchString(f)) {
			matched = append(matched, f)
		}
	}
	if len(matched) == 0 {
		return hookRun{skipped: true}
	}
	if args == nil {
		args = h.Args
	}
	entry := strings.Fields(h.Entry)
	argv := slices.Concat(entry[1:], args, matched)
	return runScript(t, filepath.Join(repoRoot, entry[0]), argv, repo, bin)
}

// runScript runs a hook's script with a PATH of bin and the system's
// directories, recording each run of readiness (scan.log in bin).
func runScript(t *testing.T, script string, argv []string, repo, bin string) hookRun {
	t.Helper()
	cmd := exec.Command(script, argv...)
	cmd.Dir = repo
	cmd.Env = []string{"PATH=" + bin + string(os.PathListSeparator) + systemPath(t), "HOME=" + t.TempDir(), "LANG=C.UTF-8"}
	out, err := cmd.CombinedOutput()
	run := hookRun{output: string(out)}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		run.exit = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s: %v", script, err)
	}
	if log, err := os.ReadFile(filepath.Join(bin, "scan.log")); err == nil {
		for _, line := range strings.Split(strings.TrimSuffix(string(log), "\n"), "\n") {
			run.scans = append(run.scans, strings.Split(strings.TrimSuffix(line, "\x1f"), "\x1f"))
		}
	}
	return run
}

// systemPath is PATH without any directory holding readiness, so that only
// the test's bin directory provides it.
func systemPath(t *testing.T) string {
	t.Helper()
	var dirs []string
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		if _, err := os.Stat(filepath.Join(dir, "readiness")); err == nil {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, "terraform-provider-readiness")); err == nil {
			continue
		}
		dirs = append(dirs, dir)
	}
	return strings.Join(dirs, string(os.PathListSeparator))
}

// binDir makes a directory holding readiness under the given name: a
// script that records its arguments, separated by \x1f, one run a line,
// then runs the binary built for the tests.
func binDir(t *testing.T, name string) string {
	t.Helper()
	dir := t.TempDir()
	wrapper := "#!/usr/bin/env bash\n" +
		"for a in \"$@\"; do printf '%s\\x1f' \"$a\"; done >>\"$(dirname \"$0\")/scan.log\"\n" +
		"echo >>\"$(dirname \"$0\")/scan.log\"\n" +
		"exec " + shellQuote(readinessBinary) + " \"$@\"\n"
	if err := os.WriteFile(filepath.Join(dir, name), []byte(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// userRepo is a Terraform repository: a root module that is ready, a
// nested module that is not, a directory of variable files only, a module
// whose directory name has a space, and one that calls a registry module
// not installed.
func userRepo(t *testing.T) string {
	t.Helper()
	repo := t.TempDir()
	files := map[string]string{
		"main.tf":      "resource \"random_id\" \"suffix\" {\n  byte_length = 4\n}\n",
		"variables.tf": "variable \"name\" {\n  type    = string\n  default = \"app\"\n}\n",
		"modules/db/main.tf": "resource \"aws_db_instance\" \"main\" {\n  identifier        = \"db\"\n  engine            = \"postgres\"\n" +
			"  instance_class    = \"db.t3.micro\"\n  allocated_storage = 20\n  multi_az          = false\n}\n",
		"modules/db/outputs.tf":  "output \"id\" {\n  value = aws_db_instance.main.id\n}\n",
		"my mod/main.tf":         "resource \"random_pet\" \"name\" {}\n",
		"network/main.tf":        "module \"vpc\" {\n  source  = \"terraform-aws-modules/vpc/aws\"\n  version = \"5.0.0\"\n}\n",
		"vars/prod.tfvars":       "name = \"prod\"\n",
		"README.md":              "# infra\n",
		"scripts/tool.go":        "package main\n",
		"plans/ready.plan.json":  readFile(t, filepath.Join("testdata", "ready", "plan.json")),
		"plans/webapp-plan.json": readFile(t, filepath.Join(repoRoot, "examples", "scan", "webapp", "plan.json")),
		"package.json":           "{}\n",
	}
	for name, content := range files {
		writeFile(t, filepath.Join(repo, name), content)
	}
	return repo
}

// TestPreCommitConfigHook runs readiness-config as pre-commit would, with
// the files of a commit: each changed module's directory is scanned once,
// in one readiness run; a commit without Terraform files passes without
// running readiness.
func TestPreCommitConfigHook(t *testing.T) {
	t.Parallel()
	needTools(t)
	h := readHooks(t)["readiness-config"]
	tests := map[string]hookCase{
		"no Terraform file": {
			files:       []string{"README.md", "scripts/tool.go"},
			wantSkipped: true,
		},
		"two files of one directory": {
			files:     []string{"main.tf", "variables.tf"},
			wantScans: [][]string{{"scan", "--", "."}},
		},
		"a file in a nested module": {
			files:     []string{"modules/db/main.tf"},
			wantScans: [][]string{{"scan", "--", "modules/db"}},
			wantExit:  2,
		},
		"the root and a nested module, files interleaved": {
			files:     []string{"modules/db/main.tf", "main.tf", "README.md", "modules/db/outputs.tf", "variables.tf"},
			wantScans: [][]string{{"scan", "--", "modules/db", "."}},
			wantExit:  2,
		},
		"options for readiness": {
			files:     []string{"modules/db/main.tf"},
			args:      []string{"--fail-on=none", "--profile=production"},
			wantScans: [][]string{{"scan", "--fail-on=none", "--profile=production", "--", "modules/db"}},
		},
		"a directory name with a space": {
			files:     []string{"my mod/main.tf"},
			wantScans: [][]string{{"scan", "--", "my mod"}},
		},
		"a registry module not installed": {
			files:     []string{"network/main.tf"},
			wantScans: [][]string{{"scan", "--", "network"}},
			wantExit:  1,
		},
		"a registry module not installed, with --skip-unread-modules": {
			files:     []string{"network/main.tf"},
			args:      []string{"--skip-unread-modules"},
			wantScans: [][]string{{"scan", "--skip-unread-modules", "--", "network"}},
		},
		"variable files without configuration": {
			files: []string{"vars/prod.tfvars"},
		},
		"a deleted module": {
			files: []string{"modules/gone/main.tf"},
		},
	}
	runHookCases(t, h, tests)
}

// TestPreCommitConfigHookPassesQuickly: given no Terraform file (arguments
// pre-commit would pass with a wider files: pattern), the script passes at
// once, even where readiness is not installed.
func TestPreCommitConfigHookPassesQuickly(t *testing.T) {
	t.Parallel()
	needTools(t)
	h := readHooks(t)["readiness-config"]
	start := time.Now()
	got := runScript(t, filepath.Join(repoRoot, h.Entry), []string{"README.md", "scripts/tool.go", "package.json"}, userRepo(t), t.TempDir())
	if got.exit != 0 || len(got.scans) != 0 {
		t.Errorf("exit %d, %d readiness runs, want 0 and none\n%s", got.exit, len(got.scans), got.output)
	}
	t.Logf("passed in %v", time.Since(start))
}

// TestPreCommitPlanHook runs readiness-plan as pre-commit would: committed
// plan JSON files are scanned together; a not-ready plan fails the commit
// with readiness's exit code.
func TestPreCommitPlanHook(t *testing.T) {
	t.Parallel()
	needTools(t)
	h := readHooks(t)["readiness-plan"]
	tests := map[string]hookCase{
		"ready plan": {
			files:     []string{"plans/ready.plan.json", "main.tf"},
			wantScans: [][]string{{"scan", "--", "plans/ready.plan.json"}},
		},
		"not-ready plan": {
			files:     []string{"plans/webapp-plan.json"},
			wantScans: [][]string{{"scan", "--", "plans/webapp-plan.json"}},
			wantExit:  2,
		},
		"two plans in one scan": {
			files:     []string{"plans/ready.plan.json", "plans/webapp-plan.json"},
			wantScans: [][]string{{"scan", "--", "plans/ready.plan.json", "plans/webapp-plan.json"}},
			wantExit:  2,
		},
		"options for readiness": {
			files:     []string{"plans/webapp-plan.json"},
			args:      []string{"--fail-on=none"},
			wantScans: [][]string{{"scan", "--fail-on=none", "--", "plans/webapp-plan.json"}},
		},
		"JSON files that are not plans by name": {
			files:       []string{"package.json", "main.tf"},
			wantSkipped: true,
		},
		"a deleted plan": {
			files: []string{"plans/old-plan.json"},
		},
	}
	runHookCases(t, h, tests)
}

// hookCase is one commit a hook is run on.
type hookCase struct {
	files []string
	args  []string
	// wantSkipped: pre-commit would not run the hook.
	wantSkipped bool
	// wantScans are readiness's argument lists, one per run.
	wantScans [][]string
	wantExit  int
}

// runHookCases runs hook h as pre-commit would on each case's files, in a
// user's repository of its own, with readiness on PATH.
func runHookCases(t *testing.T, h hook, tests map[string]hookCase) {
	t.Helper()
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := runHook(t, h, userRepo(t), tc.files, tc.args, binDir(t, "readiness"))
			if got.skipped != tc.wantSkipped {
				t.Fatalf("skipped %v, want %v", got.skipped, tc.wantSkipped)
			}
			if got.exit != tc.wantExit {
				t.Errorf("exit %d, want %d\n%s", got.exit, tc.wantExit, got.output)
			}
			if diff := cmp.Diff(tc.wantScans, got.scans); diff != "" {
				t.Errorf("readiness runs (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPreCommitHooksFindReadiness: the hooks run readiness from PATH, or
// terraform-provider-readiness (the name `go install` gives the same
// binary, which is the CLI when Terraform did not start it); without
// either they fail with a message that says how to install it.
func TestPreCommitHooksFindReadiness(t *testing.T) {
	t.Parallel()
	needTools(t)
	hooks := readHooks(t)
	tests := map[string]struct {
		hook, file, binary string
		wantExit           int
		wantOutput         string
	}{
		"config hook, go install's name": {hook: "readiness-config", file: "main.tf", binary: "terraform-provider-readiness", wantOutput: "READY"},
		"plan hook, go install's name":   {hook: "readiness-plan", file: "plans/ready.plan.json", binary: "terraform-provider-readiness", wantOutput: "READY"},
		"config hook, not installed": {
			hook: "readiness-config", file: "main.tf", wantExit: 1,
			wantOutput: "readiness-config: the readiness CLI is not on PATH: install a release (https://github.com/prodready/terraform-provider-readiness/releases) or go install github.com/prodready/terraform-provider-readiness@latest",
		},
		"plan hook, not installed": {
			hook: "readiness-plan", file: "plans/ready.plan.json", wantExit: 1,
			wantOutput: "readiness-plan: the readiness CLI is not on PATH",
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			bin := t.TempDir()
			if tc.binary != "" {
				bin = binDir(t, tc.binary)
			}
			got := runHook(t, hooks[tc.hook], userRepo(t), []string{tc.file}, nil, bin)
			if got.exit != tc.wantExit || !strings.Contains(got.output, tc.wantOutput) {
				t.Errorf("exit %d, want %d, with %q in:\n%s", got.exit, tc.wantExit, tc.wantOutput, got.output)
			}
		})
	}
}

// TestPreCommitHooksFile: the hooks pre-commit users refer to exist, run
// a script of this repository that is executable, and run serially (a
// directory split across parallel batches would be scanned twice).
func TestPreCommitHooksFile(t *testing.T) {
	t.Parallel()
	needTools(t)
	hooks := readHooks(t)
	var ids []string
	for id, h := range hooks {
		ids = append(ids, id)
		if !isExecutable(filepath.Join(repoRoot, h.Entry)) {
			t.Errorf("hook %s: entry %s is not an executable file", id, h.Entry)
		}
		if !h.RequireSerial {
			t.Errorf("hook %s: require_serial is not true", id)
		}
		if h.PassFilenames != nil && !*h.PassFilenames {
			t.Errorf("hook %s does not pass file names", id)
		}
	}
	slices.Sort(ids)
	if want := []string{"readiness-config", "readiness-plan"}; !slices.Equal(ids, want) {
		t.Errorf("hooks %v, want %v", ids, want)
	}
}
