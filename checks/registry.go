// Package checks holds the catalogue: one check per file, each a value with
// its metadata beside its logic, listed once in a registry_*.go list.
package checks

import "github.com/prodready/terraform-provider-readiness/internal/check"

// All returns every registered check, in a stable order. Adding a check is
// one line in the registry list of its domain.
func All() []check.Check {
	var all []check.Check
	for _, domain := range [][]check.Check{
		awsDataChecks,
		awsComputeChecks,
		awsObservabilityChecks,
		planChecks,
		instanceChecks,
		googleChecks,
		azureChecks,
		kubernetesChecks,
		awsResilienceChecks,
		awsSecurityChecks,
		alertingChecks,
		onCallChecks,
		eksChecks,
		evidenceChecks,
	} {
		all = append(all, domain...)
	}
	return all
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
