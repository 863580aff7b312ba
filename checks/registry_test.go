package checks

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/check"
)

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)+$`)

// TestRegistry holds every registered check to the catalogue's rules.
func TestRegistry(t *testing.T) {
	t.Parallel()
	all := All()
	if len(all) == 0 {
		t.Fatal("no checks registered")
	}
	seen := map[string]bool{}
	for _, c := range all {
		t.Run(c.ID, func(t *testing.T) {
			for _, id := range append([]string{c.ID}, c.Aliases...) {
				if seen[id] {
					t.Errorf("ID or alias %q used twice", id)
				}
				seen[id] = true
			}
			if !idPattern.MatchString(c.ID) {
				t.Errorf("ID %q is not snake_case with at least two words", c.ID)
			}
			if !check.KnownSection(c.Section) {
				t.Errorf("section %q is not a checklist section", c.Section)
			}
			if !check.KnownCategory(c.Category) {
				t.Errorf("category %q is not a checklist category", c.Category)
			}
			if !c.Severity.Valid() {
				t.Errorf("severity %d is not valid", c.Severity)
			}
			if (c.Resource == nil) == (c.Plan == nil) {
				t.Error("exactly one of Resource and Plan must be set")
			}
			if c.Resource != nil && len(c.ResourceTypes) == 0 {
				t.Error("a resource check needs ResourceTypes")
			}
			for name, text := range map[string]string{"Title": c.Title, "Description": c.Description, "Remediation": c.Remediation} {
				if strings.TrimSpace(text) == "" {
					t.Errorf("%s is empty", name)
				}
			}
			if strings.HasSuffix(c.Title, ".") {
				t.Error("Title ends with a full stop")
			}
			for _, f := range []string{c.ID + ".go", c.ID + "_test.go"} {
				if _, err := os.Stat(f); err != nil {
					t.Errorf("check file %s missing: one check per file, named as its ID, with a test twin", f)
				}
			}
		})
	}
}

func TestByID(t *testing.T) {
	t.Parallel()
	for _, c := range All() {
		got, ok := ByID(c.ID)
		if !ok || got.ID != c.ID {
			t.Errorf("ByID(%q) = %q, %v", c.ID, got.ID, ok)
		}
	}
	if _, ok := ByID("no_such_check"); ok {
		t.Error("ByID found a check that does not exist")
	}
}
