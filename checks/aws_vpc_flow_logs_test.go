package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSVPCFlowLogs(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"by reference, by literal ID, none": {
			fixture: "testdata/aws_logging/plan.json",
			want: checktest.Want{
				Pass: []string{"aws_vpc.main", "aws_vpc.shared"},
				Fail: []string{"aws_vpc.isolated"},
			},
		},
		"flow log naming its VPC through a local": {
			fixture: "testdata/aws_alarms/plan.json",
			want:    checktest.Want{Unknown: []string{"module.network.aws_vpc.this[0]"}},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSVPCFlowLogs, tc.fixture, tc.want)
		})
	}
}
