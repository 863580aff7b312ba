package instancetypes

import (
	"sort"
	"strings"
	"sync"

	"github.com/prodready/terraform-provider-readiness/internal/suggest"
)

var (
	namesOnce sync.Once
	names     []string
)

// tableNames returns the table's names as written, sorted.
func tableNames() []string {
	namesOnce.Do(func() {
		for _, t := range catalogue() {
			names = append(names, t.Name)
		}
		sort.Strings(names)
	})
	return names
}

// Suggest returns the name someone probably meant by name, a type Lookup
// does not know, when one is near enough to be a typo: db.m6g.lrge gives
// db.m6g.large (a service's prefix or suffix is kept, and the suggestion
// is one the service offers), Standard_D4s_v6 gives Standard_D4s_v5.
func Suggest(name string) (string, bool) {
	name = strings.TrimSpace(name)
	key := strings.ToLower(name)
	for _, s := range services {
		base, ok := s.base(key)
		if !ok {
			continue
		}
		if c, ok := suggest.Closest(base, tableNames()); ok {
			if t, ok := Lookup(s.prefix + strings.ToLower(c) + s.suffix); ok {
				return t.Name, true
			}
		}
	}
	for _, tier := range []string{"B_", "GP_", "MO_"} {
		if strings.HasPrefix(key, strings.ToLower(tier)) {
			if c, ok := suggest.Closest(name[len(tier):], tableNames()); ok {
				if t, ok := Lookup(tier + c); ok {
					return t.Name, true
				}
			}
		}
	}
	return suggest.Closest(name, tableNames())
}
