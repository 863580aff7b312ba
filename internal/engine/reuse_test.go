package engine

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/input"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// TestTakingFindingsChangesNothing runs the whole catalogue over every
// fixture plan (and the real plans, when present) twice: once as Run does,
// the prior world taking the findings that rest on an unchanged resource
// alone from the planned world, and once judging everything in both
// worlds. Every result, change and evidence must be the same: a check that
// reached other resources without model.Plan.Reach seeing it would show
// here.
func TestTakingFindingsChangesNothing(t *testing.T) {
	t.Parallel()
	var files []string
	for _, pattern := range []string{"../../checks/testdata/*/plan.json", "../../checks/testdata/*/*/plan.json", "../../../shared/fixtures/real/*.json"} {
		more, _ := filepath.Glob(pattern)
		files = append(files, more...)
	}
	if len(files) < 50 {
		t.Fatalf("only %d plans", len(files))
	}
	prof, err := profile.Lookup(profile.Default)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		t.Run(filepath.ToSlash(f), func(t *testing.T) {
			t.Parallel()
			run := func(twice bool) *Report {
				p, err := input.Read(f)
				if err != nil {
					t.Fatal(err)
				}
				return Run([]*model.Plan{p}, checks.All(), Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh), judgeAllTwice: twice})
			}
			taken, twice := run(false), run(true)
			if diff := cmp.Diff(twice.Results, taken.Results); diff != "" {
				t.Errorf("judged twice (-) and taking unchanged findings (+):\n%s", diff)
			}
			if diff := cmp.Diff(twice.Summary, taken.Summary); diff != "" {
				t.Errorf("summary (-twice +taken):\n%s", diff)
			}
		})
	}
}
