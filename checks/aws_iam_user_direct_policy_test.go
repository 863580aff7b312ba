package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSIAMUserDirectPolicy(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"links by reference and by name": {
			fixture: "testdata/aws_iam/plan.json",
			want: checktest.Want{
				Pass: []string{"aws_iam_user.alice", `module.people["bob"].aws_iam_user.this`},
				Fail: []string{"aws_iam_user.ci", "aws_iam_user.ci_bot"},
			},
		},
		"an attachment names a user known after apply": {
			fixture: "testdata/aws_iam/user_unknown/plan.json",
			want: checktest.Want{
				Fail:    []string{"aws_iam_user.svc"},
				Unknown: []string{"aws_iam_user.ops"},
			},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSIAMUserDirectPolicy, tt.fixture, tt.want)
		})
	}
}
