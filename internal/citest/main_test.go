package citest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// repoRoot is the checkout: where action.yml and .pre-commit-hooks.yaml are.
var repoRoot = filepath.Join("..", "..")

// readinessBinary is readiness built from this checkout once for the
// package's tests (TestMain).
var readinessBinary string

// missingTool names a tool the scripts need that this machine lacks; every
// test skips and says so.
var missingTool string

// needTools skips the test where the scripts cannot run.
func needTools(t *testing.T) {
	t.Helper()
	if missingTool != "" {
		t.Skipf("%s is not on PATH: the action's and the hooks' scripts need bash, curl, jq and tar (GitHub's runners have them all)", missingTool)
	}
}

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	repoRoot = root
	for _, tool := range []string{"bash", "curl", "jq", "tar"} {
		if _, err := exec.LookPath(tool); err != nil {
			missingTool = tool
			return m.Run()
		}
	}
	dir, err := os.MkdirTemp("", "citest-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	readinessBinary = filepath.Join(dir, "readiness")
	build := exec.Command("go", "build", "-o", readinessBinary, ".")
	build.Dir = repoRoot
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "citest: go build: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}
