package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestComplianceStandards(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"Security Hub PCI DSS subscription": {fixture: "testdata/evidence_aws/plan.json", want: checktest.Want{Pass: []string{""}}},
		"Security Hub without a standard":   {fixture: "testdata/evidence_aws_gaps/plan.json", want: checktest.Want{Unknown: []string{""}}},
		"no security services":              {fixture: "testdata/evidence_saas/plan.json", want: checktest.Want{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, ComplianceStandards, tc.fixture, tc.want)
		})
	}
}
