// Package checks holds the catalogue: one check per file, each a value with
// its metadata beside its logic, listed once in All.
package checks

import "github.com/prodready/terraform-provider-readiness/internal/check"

// All returns every registered check, in a stable order. Adding a check is
// one line here.
func All() []check.Check {
	return []check.Check{}
}

// ByID returns the check with the given ID or alias.
func ByID(id string) (check.Check, bool) {
	for _, c := range All() {
		if c.ID == id {
			return c, true
		}
		for _, a := range c.Aliases {
			if a == id {
				return c, true
			}
		}
	}
	return check.Check{}, false
}
