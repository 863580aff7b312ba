package docgen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodready/terraform-provider-readiness/checks"
)

const root = "../.."

// TestGeneratedDocsAreCurrent fails when docs/ differs from what the
// catalogue generates: run `make generate`.
func TestGeneratedDocsAreCurrent(t *testing.T) {
	t.Parallel()
	pages := Pages(checks.All())
	for p, want := range pages {
		got, err := os.ReadFile(filepath.Join(root, p))
		if err != nil {
			t.Errorf("%s: %v (run make generate)", p, err)
			continue
		}
		if string(got) != string(want) {
			t.Errorf("%s is stale: run make generate", p)
		}
	}
	existing, _ := filepath.Glob(filepath.Join(root, Dir, "*.md"))
	for _, p := range existing {
		rel, _ := filepath.Rel(root, p)
		if _, ok := pages[filepath.ToSlash(rel)]; !ok {
			t.Errorf("%s belongs to no check: run make generate", rel)
		}
	}
}

func TestEveryCheckInChecklistTable(t *testing.T) {
	t.Parallel()
	table := string(Pages(checks.All())["docs/checklist.md"])
	for _, c := range checks.All() {
		if !strings.Contains(table, "`"+c.ID+"`") {
			t.Errorf("check %s (category %s) answers no checklist item", c.ID, c.Category)
		}
	}
}
