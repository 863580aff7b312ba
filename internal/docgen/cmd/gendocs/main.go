// Command gendocs writes docs/checks/, docs/checklist.md and docs/profiles/ from the
// catalogue. `make generate` runs it from the repository root.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/docgen"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}

func run() error {
	pages := docgen.Pages(checks.All())
	// Pages of checks that no longer exist go away.
	old, _ := filepath.Glob(filepath.Join(docgen.Dir, "*.md"))
	for _, p := range old {
		if _, keep := pages[filepath.ToSlash(p)]; !keep {
			if err := os.Remove(p); err != nil {
				return err
			}
		}
	}
	for p, content := range pages {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, content, 0o644); err != nil {
			return err
		}
	}
	return nil
}
