package checks

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/config"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/input"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// TestRunJudgesInputsApart scans every fixture plan (and the real plans,
// when present) in one run, where the engine judges inputs in parallel,
// and each plan in a run of its own: every input must get the same
// results and errors either way, run after run. The configuration uses
// tier tags, waivers and a custom check, whose state the inputs share.
// (`go test -race -run TestRunJudgesInputsApart ./checks` looks for data
// races between inputs.)
func TestRunJudgesInputsApart(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("testdata/*/plan.json")
	nested, _ := filepath.Glob("testdata/*/*/plan.json")
	real, _ := filepath.Glob(filepath.Join(realFixtures, "*.json"))
	files = append(append(files, nested...), real...)
	var plans []*model.Plan
	for _, f := range files {
		p, err := input.Read(f)
		if err != nil {
			t.Fatal(err)
		}
		plans = append(plans, p)
	}
	if len(plans) < 50 {
		t.Fatalf("only %d plans: the test would prove little", len(plans))
	}
	conf, diags := config.Parse([]byte(`
tier_tags = ["environment", "env", "tier"]
waiver {
  check   = "aws_rds_multi_az"
  address = "**"
  reason  = "standby next quarter"
  owner   = "data"
  expires = "2099-12-31"
}
check "team_bucket_versioned" {
  resource_types = ["aws_s3_bucket"]
  condition      = can(self.bucket) || true
  message        = "a bucket"
}
`), ".readiness.hcl")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	prof, err := profile.Lookup(profile.Default)
	if err != nil {
		t.Fatal(err)
	}
	opts := engine.Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh), Policy: conf.Policy}

	together := engine.Run(plans, All(), opts)
	if diff := cmp.Diff(together, engine.Run(plans, All(), opts), cmpopts.EquateComparable(check.Threshold{})); diff != "" {
		t.Errorf("two runs over the same inputs differ:\n%s", diff)
	}
	byInput := map[string][]engine.Result{}
	for _, r := range together.Results {
		byInput[r.Input] = append(byInput[r.Input], r)
	}
	var apartErrors []string
	for _, p := range plans {
		apart := engine.Run([]*model.Plan{p}, All(), opts)
		if diff := cmp.Diff(apart.Results, byInput[p.Path], cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s: results judged apart (-) and together (+):\n%s", p.Path, diff)
		}
		apartErrors = append(apartErrors, apart.Errors...)
	}
	if diff := cmp.Diff(apartErrors, together.Errors, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("errors judged apart (-) and together (+):\n%s", diff)
	}
	if len(byInput) != len(plans) {
		t.Errorf("%d inputs have results, of %d", len(byInput), len(plans))
	}
}
