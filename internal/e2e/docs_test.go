package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// generatedDocs are the parts of docs/ that tfplugindocs writes; the rest
// (docs/checks, docs/scan.md, ...) comes from other generators or by hand.
var generatedDocs = []string{"index.md", "data-sources", "functions", "guides"}

// TestDocsUpToDate renders the provider's documentation as `make generate`
// does, into a directory of its own, and fails when it differs from docs/:
// run `make generate` and commit the result. It also runs `tfplugindocs
// validate` on docs/.
func TestDocsUpToDate(t *testing.T) {
	e := setup(t)
	tool := os.Getenv("TFPLUGINDOCS")
	if tool == "" {
		tool = filepath.Join(e.root, ".tools", "bin", "tfplugindocs")
	}
	if _, err := os.Stat(tool); err != nil {
		t.Skipf("no tfplugindocs at %s: run `make tools-docs` (make test does)", tool)
	}
	out := t.TempDir()
	// tfplugindocs writes under the provider directory: reach the
	// temporary directory through a relative path.
	rel, err := filepath.Rel(e.root, out)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Dir(e.terraform) + string(os.PathListSeparator) + os.Getenv("PATH")
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command(tool, args...)
		cmd.Dir = e.root
		cmd.Env = append(os.Environ(), "PATH="+path, "CHECKPOINT_DISABLE=1")
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("tfplugindocs %s: %v\n%s", strings.Join(args, " "), err, b)
		}
	}
	run("generate", "--provider-name", "readiness", "--rendered-website-dir", rel)

	want := readTree(t, out)
	got := readTree(t, filepath.Join(e.root, "docs"))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("docs/ is not what `make generate` writes (-generated +committed); run make generate:\n%s", diff)
	}
	run("validate", "--provider-name", "readiness")
}

// readTree reads the generated parts of a docs directory: path to content.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	for _, top := range generatedDocs {
		err := filepath.WalkDir(filepath.Join(dir, top), func(p string, d os.DirEntry, err error) error {
			if os.IsNotExist(err) {
				return nil
			}
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			files[filepath.ToSlash(rel)] = string(b)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) == 0 {
		t.Fatalf("no generated documentation in %s", dir)
	}
	return files
}
