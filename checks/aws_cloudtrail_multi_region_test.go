package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSCloudTrailMultiRegion(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"multi-region trail":      {fixture: "testdata/aws_logging/plan.json", want: checktest.Want{Pass: []string{"aws_cloudtrail.account"}}},
		"single-region trail":     {fixture: "testdata/aws_alarms/plan.json", want: checktest.Want{Fail: []string{"aws_cloudtrail.regional"}}},
		"no trail, AWS workloads": {fixture: "testdata/plan_destructive/plan.json", want: checktest.Want{Unknown: []string{""}}},
		"no AWS workloads":        {fixture: "testdata/plan_destructive/nothing/plan.json", want: checktest.Want{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSCloudTrailMultiRegion, tc.fixture, tc.want)
		})
	}
}
