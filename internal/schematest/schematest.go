// Package schematest holds fixture plans and states to the real provider
// schemas beside the project (../shared/fixtures/schemas, the shape
// `terraform providers schema -json` prints): every attribute and block a
// resource's values and marks name exists in its type's schema, blocks have
// the shape terraform show -json gives their nesting mode, and primitive
// values have their type's JSON kind.
package schematest

import (
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	tfjson "github.com/hashicorp/terraform-json"
)

// Schemas is every stored version of every provider's schema.
type Schemas struct {
	byProvider map[string][]*Version // by provider type name, oldest first
}

// Version is one provider version's schemas.
type Version struct {
	Provider string // type name: "aws"
	Version  string // "6.47.0"
	File     string // the file it was read from, relative to the schemas directory
	schema   *tfjson.ProviderSchema
}

func (v *Version) String() string { return v.Provider + " " + v.Version }

// Schema returns the schema of a resource type (mode "managed") or a data
// source (mode "data"), or nil when this version stores none.
func (v *Version) Schema(mode, typ string) *tfjson.Schema {
	if mode == "data" {
		return v.schema.DataSourceSchemas[typ]
	}
	return v.schema.ResourceSchemas[typ]
}

// Versions returns the stored versions of a provider, oldest first.
func (s *Schemas) Versions(provider string) []*Version { return s.byProvider[provider] }

// Knows reports whether any stored version of the provider has a schema for
// the type in that mode.
func (s *Schemas) Knows(provider, mode, typ string) bool {
	for _, v := range s.byProvider[provider] {
		if v.Schema(mode, typ) != nil {
			return true
		}
	}
	return false
}

// Load reads every schema document in dir and dir/previous-major. A file's
// provider version is in its name (aws-5.100.0.json) or, for the newest
// version of each provider (aws.json), in the directory's README table.
func Load(dir string) (*Schemas, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	more, err := filepath.Glob(filepath.Join(dir, "previous-major", "*.json"))
	if err != nil {
		return nil, err
	}
	files = append(files, more...)
	if len(files) == 0 {
		return nil, fmt.Errorf("no schemas in %s: %w", dir, os.ErrNotExist)
	}
	readme, _ := os.ReadFile(filepath.Join(dir, "README.md"))
	versions := make([]*Version, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Go(func() { versions[i], errs[i] = loadFile(dir, f, readme) })
	}
	wg.Wait()
	s := &Schemas{byProvider: map[string][]*Version{}}
	for i, v := range versions {
		if errs[i] != nil {
			return nil, errs[i]
		}
		s.byProvider[v.Provider] = append(s.byProvider[v.Provider], v)
	}
	for _, vs := range s.byProvider {
		slices.SortFunc(vs, func(a, b *Version) int { return compareVersions(a.Version, b.Version) })
	}
	return s, nil
}

var versionInName = regexp.MustCompile(`-(\d+\.\d+\.\d+)\.json$`)

func loadFile(dir, path string, readme []byte) (*Version, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc tfjson.ProviderSchemas
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("read schema %s: %w", path, err)
	}
	if len(doc.Schemas) != 1 {
		return nil, fmt.Errorf("read schema %s: %d providers, want 1", path, len(doc.Schemas))
	}
	rel, _ := filepath.Rel(dir, path)
	v := &Version{File: filepath.ToSlash(rel)}
	for addr, ps := range doc.Schemas {
		v.Provider, v.schema = addr[strings.LastIndex(addr, "/")+1:], ps
	}
	if m := versionInName.FindStringSubmatch(path); m != nil {
		v.Version = m[1]
	} else if m := regexp.MustCompile("\\| `" + regexp.QuoteMeta(v.File) + "` \\| [^|*]*\\*\\*([0-9.]+)\\*\\*").FindSubmatch(readme); m != nil {
		v.Version = string(m[1])
	} else {
		v.Version = "(" + v.File + ")"
	}
	return v, nil
}

// compareVersions orders dotted version numbers numerically.
func compareVersions(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := range min(len(as), len(bs)) {
		x, errx := strconv.Atoi(as[i])
		y, erry := strconv.Atoi(bs[i])
		if errx != nil || erry != nil {
			if c := strings.Compare(as[i], bs[i]); c != 0 {
				return c
			}
			continue
		}
		if c := cmp.Compare(x, y); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(as), len(bs))
}
