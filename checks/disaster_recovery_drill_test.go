package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestDisasterRecoveryDrill(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"restore testing and a scheduled FIS experiment": {fixture: "testdata/evidence_aws/plan.json", want: checktest.Want{Pass: []string{""}}},
		"FIS template run by hand":                       {fixture: "testdata/evidence_aws_gaps/plan.json", want: checktest.Want{Unknown: []string{""}}},
		"databases without drills":                       {fixture: "testdata/aws_rds_instance/plan.json", want: checktest.Want{Unknown: []string{""}}},
		"no data kept":                                   {fixture: "testdata/evidence_saas/plan.json", want: checktest.Want{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, DisasterRecoveryDrill, tc.fixture, tc.want)
		})
	}
}
