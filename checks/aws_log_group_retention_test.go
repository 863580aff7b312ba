package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSLogGroupRetention(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSLogGroupRetention, "testdata/aws_logging/plan.json", checktest.Want{
		Pass: []string{
			"aws_cloudwatch_log_group.api",
			"aws_cloudwatch_log_group.audit", // retention unset: never expires
			`module.svc["web"].aws_cloudwatch_log_group.this[0]`,
		},
		Fail:    []string{`module.svc["worker"].aws_cloudwatch_log_group.this[0]`},
		Unknown: []string{"aws_cloudwatch_log_group.batch"},
	})
}
