package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestSyntheticMonitoring(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"started CloudWatch Synthetics canary": {fixture: "testdata/evidence_aws/plan.json", want: checktest.Want{Pass: []string{""}}},
		"live Datadog synthetic test":          {fixture: "testdata/evidence_saas/plan.json", want: checktest.Want{Pass: []string{""}}},
		"canary not started":                   {fixture: "testdata/evidence_aws_gaps/plan.json", want: checktest.Want{Unknown: []string{""}}},
		"paused Datadog synthetic test":        {fixture: "testdata/evidence_saas_gaps/plan.json", want: checktest.Want{Unknown: []string{""}}},
		"nothing serves traffic":               {fixture: "testdata/plan_destructive/nothing/plan.json", want: checktest.Want{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, SyntheticMonitoring, tc.fixture, tc.want)
		})
	}
}
