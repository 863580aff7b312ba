package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestChangeApprovalGate(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"CodePipeline manual approval":        {fixture: "testdata/evidence_aws/plan.json", want: checktest.Want{Pass: []string{""}}},
		"branch protection requires a review": {fixture: "testdata/evidence_saas/plan.json", want: checktest.Want{Pass: []string{""}}},
		"pipeline without an approval stage":  {fixture: "testdata/evidence_aws_gaps/plan.json", want: checktest.Want{Unknown: []string{""}}},
		"branch protection without reviews":   {fixture: "testdata/evidence_saas_gaps/plan.json", want: checktest.Want{Unknown: []string{""}}},
		"no service in the plan":              {fixture: "testdata/plan_destructive/nothing/plan.json", want: checktest.Want{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, ChangeApprovalGate, tc.fixture, tc.want)
		})
	}
}
