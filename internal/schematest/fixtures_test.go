package schematest

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// schemasDir holds the real provider schemas beside the project (never
// copied into it).
const schemasDir = "../../../shared/fixtures/schemas"

// repoRoot is the module's root, from this package's directory.
const repoRoot = "../.."

// notHeld lists the fixtures, relative to the repository's root, that are
// wrong on purpose, and why. Each must still be wrong: an entry for a
// fixture that now fits the schemas fails the test.
var notHeld = map[string]string{
	// Instance keys hold raw escape sequences, bidi overrides and newlines,
	// where Terraform writes \u001b, \u202e and \n: the report formats must
	// make a hostile plan's own text safe
	// (internal/cli/safe_text_test.go, TestControlCharactersInEveryFormat).
	"internal/cli/testdata/control_characters.json": "raw control characters in addresses",
	// The same for what a run task posts to HCP Terraform, with values
	// marked sensitive besides (internal/runtask,
	// TestRunTaskNoSensitiveOrHostileTextPosted).
	"internal/runtask/testdata/hostile_sensitive.json": "raw control characters in addresses",
	// Not JSON at all: the CLI's error for an unreadable plan.
	"internal/cli/testdata/empty.json":   "an empty file",
	"internal/cli/testdata/invalid.json": "a syntax error",
}

// schemas are read once for every test of the package.
var schemas = sync.OnceValues(func() (*Schemas, error) { return Load(schemasDir) })

func loadSchemas(t *testing.T) *Schemas {
	t.Helper()
	s, err := schemas()
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("the provider schemas are not beside the project (../shared/fixtures/schemas): %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// builtDirs are the root's directories that builds write (as .gitignore
// says): release archives, not fixtures.
var builtDirs = map[string]bool{"dist": true}

// fixtureFiles lists every .json and .tfstate file of the repository
// outside hidden directories and what builds write.
func fixtureFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(repoRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != repoRoot && strings.HasPrefix(d.Name(), ".") || filepath.Dir(path) == filepath.Clean(repoRoot) && builtDirs[d.Name()] {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, ".json") || strings.HasSuffix(path, ".tfstate") {
			rel, _ := filepath.Rel(repoRoot, path)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestFixturesMatchSchemas holds every plan and state of the repository
// (checks' fixtures, the CLI's and the provider's, examples/, anything
// else that is one) to the real provider schemas: every resource instance
// of a type they store, in every section that writes it (a change's before
// and after, planned_values, prior_state, a state's values), with its
// after_unknown and sensitive marks. The instances of one provider must
// all fit one stored version of it.
func TestFixturesMatchSchemas(t *testing.T) {
	t.Parallel()
	s := loadSchemas(t)
	var fixtures, checked int
	skipped := map[string]int{}
	fits := map[string]int{}
	stale := maps.Clone(notHeld)
	for _, rel := range fixtureFiles(t) {
		data, err := os.ReadFile(filepath.Join(repoRoot, rel))
		if err != nil {
			t.Fatal(err)
		}
		f, err := ReadFixture(data)
		if errors.Is(err, ErrNotPlan) {
			continue
		}
		_, allowed := notHeld[rel]
		delete(stale, rel)
		var problems []string
		if err != nil {
			problems = []string{"cannot be read: " + err.Error()}
		} else {
			fixtures++
			v := s.Judge(f)
			checked += v.Checked
			for typ, n := range v.Skipped {
				skipped[typ] += n
			}
			for _, vs := range v.Fits {
				fits[vs[len(vs)-1].String()]++
			}
			problems = v.Problems
		}
		switch {
		case allowed && len(problems) == 0:
			t.Errorf("%s: in notHeld, but it fits the schemas: take it out", rel)
		case allowed:
			t.Logf("%s: not held (%s): %s", rel, notHeld[rel], problems[0])
		default:
			for _, p := range problems {
				t.Errorf("%s: %s", rel, p)
			}
		}
	}
	for rel := range stale {
		t.Errorf("%s: in notHeld, but no such plan or state", rel)
	}
	var names []string
	total := 0
	for _, typ := range slices.Sorted(maps.Keys(skipped)) {
		names = append(names, typ)
		total += skipped[typ]
	}
	t.Logf("%d plans and states: %d resource instances held to the schemas, %d of types no schema stores (%s)",
		fixtures, checked, total, strings.Join(names, ", "))
	for _, v := range slices.Sorted(maps.Keys(fits)) {
		t.Logf("newest version fitting: %s for %d fixtures", v, fits[v])
	}
}
