package checks

import (
	"path/filepath"
	"sort"
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/policy"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// runWithPolicy runs one check over a fixture with a team's configuration,
// as a scan with a .readiness.hcl does (nil: none).
func runWithPolicy(t *testing.T, c check.Check, fixture string, pol *policy.Policy) *engine.Report {
	t.Helper()
	prof, _ := profile.Lookup(profile.Default)
	p := checktest.Load(t, filepath.Clean(fixture))
	rep := engine.Run([]*model.Plan{p}, []check.Check{c}, engine.Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh), Policy: pol})
	if len(rep.Errors) > 0 {
		t.Fatalf("check errors: %v", rep.Errors)
	}
	return rep
}

// severities maps each address with a result of the given status to the
// severity it is reported at.
func severities(rep *engine.Report, status check.Status) map[string]string {
	out := map[string]string{}
	for _, r := range rep.Results {
		if r.Status == status {
			out[r.Address] = r.Severity.String()
		}
	}
	return out
}

// statusAddresses lists the addresses with a result of the given status.
func statusAddresses(rep *engine.Report, status check.Status) []string {
	var out []string
	for _, r := range rep.Results {
		if r.Status == status {
			out = append(out, r.Address)
		}
	}
	sort.Strings(out)
	return out
}

// tierTags is a configuration whose tier tag is "tier"; a new one per
// run, as a policy caches what it reads of resources.
func tierTags() *policy.Policy { return &policy.Policy{TierTags: []string{"tier"}} }
