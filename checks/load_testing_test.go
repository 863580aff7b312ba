package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestLoadTesting(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"FIS CPU stress action on the service":   {fixture: "testdata/evidence_aws/plan.json", want: checktest.Want{Pass: []string{""}}},
		"k6 operator and a Flagger load tester":  {fixture: "testdata/evidence_saas/plan.json", want: checktest.Want{Pass: []string{""}}},
		"FIS template without a stress action":   {fixture: "testdata/evidence_aws_gaps/plan.json", want: checktest.Want{Unknown: []string{""}}},
		"Helm-deployed service, no load testing": {fixture: "testdata/evidence_saas_gaps/plan.json", want: checktest.Want{Unknown: []string{""}}},
		"no service in the plan":                 {fixture: "testdata/plan_destructive/nothing/plan.json", want: checktest.Want{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, LoadTesting, tc.fixture, tc.want)
		})
	}
}
