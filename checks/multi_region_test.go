package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestMultiRegion(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"replica in a second region": {fixture: "testdata/multi_region/two_regions/plan.json", want: checktest.Want{Pass: []string{""}}},
		"global table":               {fixture: "testdata/aws_logging/plan.json", want: checktest.Want{Pass: []string{""}}},
		"one region":                 {fixture: "testdata/aws_alarms/plan.json", want: checktest.Want{Fail: []string{""}}},
		"region from a local":        {fixture: "testdata/multi_region/unknown_region/plan.json", want: checktest.Want{Unknown: []string{""}}},
		"a bucket and a queue only":  {fixture: "testdata/plan_destructive/nothing/plan.json", want: checktest.Want{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, MultiRegion, tc.fixture, tc.want)
		})
	}
}

func TestNormalizeRegion(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"us-central1-a": "us-central1", "us-central1": "us-central1", "West Europe": "westeurope",
		"eu-west-1": "eu-west-1",
	} {
		if got := normalizeRegion(in); got != want {
			t.Errorf("normalizeRegion(%q) = %q, want %q", in, got, want)
		}
	}
}
