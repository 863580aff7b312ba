package checks

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
	"github.com/prodready/terraform-provider-readiness/internal/source"
)

// TestTheirConfigurationDecides scans every fixture plan with the main.tf
// it models read beside it, as a CI scan of a plan in its configuration's
// directory does: for every resource the .tf files declare, no result may
// still hedge over a dynamic block the plan's configuration leaves out.
func TestTheirConfigurationDecides(t *testing.T) {
	t.Parallel()
	plans, _ := filepath.Glob("testdata/*/plan.json")
	prof, _ := profile.Lookup(profile.Default)
	for _, path := range plans {
		dir := filepath.Dir(path)
		if !source.HasConfig(dir) {
			continue
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			locs, err := source.Index(dir)
			if err != nil {
				t.Fatal(err)
			}
			p := checktest.Load(t, path)
			locs.Complete(p)
			complete := 0
			for _, r := range p.Resources {
				if r.ConfigComplete {
					complete++
				}
			}
			if complete == 0 {
				t.Fatalf("no resource of the plan is declared in %s's .tf files: they do not model it", dir)
			}
			rep := engine.Run([]*model.Plan{p}, All(), engine.Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh)})
			for _, r := range rep.Results {
				res := p.Lookup(r.Address)
				if res == nil || !res.ConfigComplete {
					continue
				}
				if strings.Contains(r.Message, "where a dynamic block would not show") {
					t.Errorf("%s %s: the .tf files were read, yet: %s", r.CheckID, r.Address, r.Message)
				}
			}
		})
	}
}
