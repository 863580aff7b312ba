// Package checktest runs checks over fixture plans in tests and compares the
// sets of addresses that passed, failed and were unknown, as Checkov's tests
// do.
package checktest

import (
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/input"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// Want lists the addresses expected per status. Address "" stands for a
// finding about the whole plan.
type Want struct {
	Pass, Fail, Unknown []string
}

// Load reads a fixture plan, failing the test on error.
func Load(t testing.TB, path string) *model.Plan {
	t.Helper()
	p, err := input.Read(path)
	if err != nil {
		t.Fatalf("load fixture: %v", err)
	}
	return p
}

// Run runs one check over a plan with the production profile.
func Run(t testing.TB, c check.Check, p *model.Plan) *engine.Report {
	t.Helper()
	prof, err := profile.Lookup(profile.Default)
	if err != nil {
		t.Fatal(err)
	}
	rep := engine.Run([]*model.Plan{p}, []check.Check{c}, engine.Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh)})
	// An errored plan's own error is the plan's, not the check's.
	if errs := slices.DeleteFunc(slices.Clone(rep.Errors), func(e string) bool { return p.Errored && e == engine.ErroredPlan(p.Path) }); len(errs) > 0 {
		t.Fatalf("check errors: %v", errs)
	}
	return rep
}

// Assert runs c over the fixture file and compares the address sets.
func Assert(t *testing.T, c check.Check, fixture string, want Want) {
	t.Helper()
	rep := Run(t, c, Load(t, filepath.Clean(fixture)))
	got := Sets(rep)
	opt := cmpopts.EquateEmpty()
	if diff := cmp.Diff(sorted(want.Pass), got.Pass, opt); diff != "" {
		t.Errorf("%s on %s: pass addresses (-want +got):\n%s", c.ID, fixture, diff)
	}
	if diff := cmp.Diff(sorted(want.Fail), got.Fail, opt); diff != "" {
		t.Errorf("%s on %s: fail addresses (-want +got):\n%s", c.ID, fixture, diff)
	}
	if diff := cmp.Diff(sorted(want.Unknown), got.Unknown, opt); diff != "" {
		t.Errorf("%s on %s: unknown addresses (-want +got):\n%s", c.ID, fixture, diff)
	}
	for _, r := range rep.Results {
		if r.Message == "" {
			t.Errorf("%s on %s: %s result for %q has no message", c.ID, fixture, r.Status, r.Address)
		}
		if r.Status != check.StatusPass && len(r.Evidence) == 0 && r.Address != "" {
			t.Errorf("%s on %s: %s result for %q has no evidence", c.ID, fixture, r.Status, r.Address)
		}
	}
}

// Sets groups a report's result addresses by status, sorted.
func Sets(rep *engine.Report) Want {
	var w Want
	for _, r := range rep.Results {
		switch r.Status {
		case check.StatusPass:
			w.Pass = append(w.Pass, r.Address)
		case check.StatusFail:
			w.Fail = append(w.Fail, r.Address)
		case check.StatusUnknown:
			w.Unknown = append(w.Unknown, r.Address)
		}
	}
	return Want{Pass: sorted(w.Pass), Fail: sorted(w.Fail), Unknown: sorted(w.Unknown)}
}

func sorted(s []string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}
