package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

// The fixtures are real plans: Terraform 1.8.5 wrote them for the main.tf
// beside each, using only the built-in terraform_data resource.
func TestCheckBlock(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"check blocks, output condition, variable validation": {
			fixture: "testdata/check_blocks/plan.json",
			want: checktest.Want{
				Fail: []string{"check.backup_retention", `module.svc["worker"].check.replicas`},
				Pass: []string{
					"check.environment_tagged", `module.svc["api"].check.replicas`,
					"output.database_environment", "var.environment",
				},
				// The resource's postcondition is undecided too, but
				// Terraform enforces it during apply: not reported.
				Unknown: []string{"check.database_created"},
			},
		},
		"failed precondition in an errored plan": {
			fixture: "testdata/check_blocks/precondition_failed/plan.json",
			want:    checktest.Want{Fail: []string{"terraform_data.a"}},
		},
		"no checks": {fixture: "testdata/aws_alarms/plan.json", want: checktest.Want{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, CheckBlock, tc.fixture, tc.want)
		})
	}
}

func TestCheckBlockMessage(t *testing.T) {
	t.Parallel()
	rep := checktest.Run(t, CheckBlock, checktest.Load(t, "testdata/check_blocks/plan.json"))
	for _, r := range rep.Results {
		if r.Address == "check.backup_retention" {
			if want := "Backups are kept 1 day(s); the team's rule is at least 7."; r.Message != want {
				t.Errorf("message = %q, want the block's own error message %q", r.Message, want)
			}
			return
		}
	}
	t.Error("no result for check.backup_retention")
}
