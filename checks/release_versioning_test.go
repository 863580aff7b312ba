package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestReleaseVersioning(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"immutable ECR tags":       {fixture: "testdata/evidence_aws/plan.json", want: checktest.Want{Pass: []string{""}}},
		"pinned chart version":     {fixture: "testdata/evidence_saas/plan.json", want: checktest.Want{Pass: []string{""}}},
		"mutable ECR tags":         {fixture: "testdata/evidence_aws_gaps/plan.json", want: checktest.Want{Unknown: []string{""}}},
		"chart version unset":      {fixture: "testdata/evidence_saas_gaps/plan.json", want: checktest.Want{Unknown: []string{""}}},
		"no repository or release": {fixture: "testdata/plan_destructive/nothing/plan.json", want: checktest.Want{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, ReleaseVersioning, tc.fixture, tc.want)
		})
	}
}
