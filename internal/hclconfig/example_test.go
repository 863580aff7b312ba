package hclconfig_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/hclconfig"
	"github.com/prodready/terraform-provider-readiness/internal/input"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
	"github.com/prodready/terraform-provider-readiness/internal/source"
)

// planOnly are the results only a plan can give: they need the state the
// plan was made against.
var planOnly = map[string]string{
	"destructive_change aws_elasticache_replication_group.cache":   "the plan replaces the cache; a configuration alone has no prior object to replace",
	"aws_multi_az_removed aws_elasticache_replication_group.cache": "a transition check compares the new cache with the one it replaces; a configuration has no prior object",
}

// TestWebappDirectoryMatchesItsPlan scans examples/scan/webapp as a
// directory and as the plan its main.tf models, with the whole catalogue:
// every result is the same, but for what only a plan can know.
func TestWebappDirectoryMatchesItsPlan(t *testing.T) {
	t.Parallel()
	const dir = "../../examples/scan/webapp"
	plan, err := input.Read(dir + "/plan.json")
	if err != nil {
		t.Fatal(err)
	}
	locs, err := source.Index(dir)
	if err != nil {
		t.Fatal(err)
	}
	locs.Complete(plan) // as `readiness scan plan.json` does beside its .tf files
	res, err := hclconfig.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	fromPlan, fromDir := results(t, plan), results(t, res.Plan)
	for key := range planOnly {
		if _, ok := fromPlan[key]; !ok {
			t.Errorf("%s: no longer a plan-only result; drop it from planOnly", key)
		}
		delete(fromPlan, key)
		delete(fromDir, key)
	}
	if diff := cmp.Diff(fromPlan, fromDir); diff != "" {
		t.Errorf("results (-plan +directory):\n%s", diff)
	}
	if n := len(fromPlan); n < 30 {
		t.Errorf("only %d results: the comparison proves little", n)
	}
}

// results maps "check address" to the status of each result.
func results(t *testing.T, p *model.Plan) map[string]string {
	t.Helper()
	prof, err := profile.Lookup(profile.Default)
	if err != nil {
		t.Fatal(err)
	}
	rep := engine.Run([]*model.Plan{p}, checks.All(), engine.Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh)})
	if len(rep.Errors) > 0 {
		t.Fatalf("errors: %v", rep.Errors)
	}
	out := map[string]string{}
	for _, r := range rep.Results {
		out[r.CheckID+" "+r.Address] = string(r.Status)
	}
	return out
}
