package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestCICDPipeline(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"CodePipeline deploys the service": {fixture: "testdata/evidence_aws/plan.json", want: checktest.Want{Pass: []string{""}}},
		"GitHub deployment environment":    {fixture: "testdata/evidence_saas/plan.json", want: checktest.Want{Pass: []string{""}}},
		"services without a pipeline":      {fixture: "testdata/evidence_saas_gaps/plan.json", want: checktest.Want{Unknown: []string{""}}},
		"no service in the plan":           {fixture: "testdata/plan_destructive/nothing/plan.json", want: checktest.Want{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, CICDPipeline, tc.fixture, tc.want)
		})
	}
}
