package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestFeatureFlagRollout(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"AppConfig flags with a linear strategy": {fixture: "testdata/evidence_aws/plan.json", want: checktest.Want{Pass: []string{""}}},
		"LaunchDarkly flags":                     {fixture: "testdata/evidence_saas/plan.json", want: checktest.Want{Pass: []string{""}}},
		"AppConfig flags deployed all at once":   {fixture: "testdata/evidence_aws_gaps/plan.json", want: checktest.Want{Unknown: []string{""}}},
		"no flag tooling":                        {fixture: "testdata/evidence_saas_gaps/plan.json", want: checktest.Want{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, FeatureFlagRollout, tc.fixture, tc.want)
		})
	}
}
