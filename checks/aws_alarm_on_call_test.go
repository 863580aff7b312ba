package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSAlarmOnCall(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"topic subscribed to PagerDuty": {fixture: "testdata/aws_alarms/plan.json", want: checktest.Want{Pass: []string{""}}},
		"email and Slack only":          {fixture: "testdata/aws_alarms/email_only/plan.json", want: checktest.Want{Fail: []string{""}}},
		"topic outside the plan":        {fixture: "testdata/aws_alarms/external_topic/plan.json", want: checktest.Want{Unknown: []string{""}}},
		"no alarms":                     {fixture: "testdata/aws_logging/plan.json", want: checktest.Want{}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSAlarmOnCall, tc.fixture, tc.want)
		})
	}
}
