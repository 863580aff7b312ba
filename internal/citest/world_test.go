package citest

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"testing"
)

// testToken is github.token in the tests.
const testToken = "ghs_citest0123456789abcdef"

// prNumber is the pull request of the tests' pull_request event.
const prNumber = 7

// The plans in the workspace, relative to it, as a workflow names them.
const (
	readyPlan    = "plans/ready.json"
	notReadyPlan = "plans/webapp.json"
	hostilePlan  = "plans/hostile.json"
)

// world is what one job of the tests runs against: a fake release, a fake
// GitHub API, a checked-out workspace holding the plans, and the runner's
// environment for a pull_request event.
type world struct {
	release   *fakeRelease
	github    *fakeGitHub
	env       map[string]string
	temp      string
	workspace string
}

// newWorld makes a world whose release has the CLI for the given
// platforms (linux_amd64 when none is given); its runner is Linux X64.
func newWorld(t *testing.T, platforms ...string) *world {
	t.Helper()
	return newWorldOf(t, false, platforms...)
}

// newWorldOf makes a world whose release holds the real binary, or a
// launcher of it (binaryArchive).
func newWorldOf(t *testing.T, realBinary bool, platforms ...string) *world {
	t.Helper()
	needTools(t)
	if len(platforms) == 0 {
		platforms = []string{"linux_amd64"}
	}
	w := &world{
		release:   newRelease(t, realBinary, platforms...),
		github:    newGitHub(t, testToken),
		temp:      t.TempDir(),
		workspace: t.TempDir(),
	}
	copyFile(t, filepath.Join("testdata", "ready", "plan.json"), filepath.Join(w.workspace, readyPlan))
	copyFile(t, filepath.Join(repoRoot, "examples", "scan", "webapp", "plan.json"), filepath.Join(w.workspace, notReadyPlan))
	copyFile(t, filepath.Join("testdata", "hostile", "plan.json"), filepath.Join(w.workspace, hostilePlan))

	event := filepath.Join(t.TempDir(), "event.json")
	writeJSONFile(t, event, map[string]any{"action": "synchronize", "number": prNumber, "pull_request": map[string]any{"number": prNumber}})
	home := t.TempDir()
	w.env = map[string]string{
		"PATH":               os.Getenv("PATH"),
		"HOME":               home,
		"LANG":               "C.UTF-8",
		"CI":                 "true",
		"GITHUB_ACTIONS":     "true",
		"RUNNER_OS":          "Linux",
		"RUNNER_ARCH":        "X64",
		"RUNNER_TEMP":        w.temp,
		"GITHUB_API_URL":     w.github.url,
		"GITHUB_REPOSITORY":  "acme/infra",
		"GITHUB_EVENT_NAME":  "pull_request",
		"GITHUB_EVENT_PATH":  event,
		"GITHUB_WORKSPACE":   w.workspace,
		"GITHUB_WORKFLOW":    "readiness",
		"GITHUB_JOB":         "plan",
		"GITHUB_ACTION_PATH": repoRoot,
	}
	return w
}

// job is the action in this world, given with (the workflow's with:) over
// a plan and the fake release's URL.
func (w *world) job(t *testing.T, with map[string]string) *job {
	t.Helper()
	given := map[string]string{"plan": readyPlan, "download-url": w.release.url}
	maps.Copy(given, with)
	return &job{action: readAction(t), with: given, env: maps.Clone(w.env), token: testToken}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, string(b))
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeJSONFile(t *testing.T, path string, v any) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, string(b))
}

// summaryOf reads the summary of a JSON report.
func summaryOf(t *testing.T, reportPath string) (ready bool, score, fail int) {
	t.Helper()
	var rep struct {
		Summary struct {
			Ready bool `json:"ready"`
			Score int  `json:"score"`
			Fail  int  `json:"fail"`
		} `json:"summary"`
	}
	if err := json.Unmarshal([]byte(readFile(t, reportPath)), &rep); err != nil {
		t.Fatalf("%s: %v", reportPath, err)
	}
	return rep.Summary.Ready, rep.Summary.Score, rep.Summary.Fail
}
