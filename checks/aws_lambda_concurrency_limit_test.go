package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSLambdaConcurrencyLimit(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSLambdaConcurrencyLimit, "testdata/aws_lambda/plan.json", checktest.Want{
		Pass: []string{"aws_lambda_function.api", "aws_lambda_function.shard[0]", "aws_lambda_function.shard[1]"},
		Fail: []string{
			"aws_lambda_function.worker", "module.hooks.aws_lambda_function.this", // -1: unreserved
			"aws_lambda_function.paused", // 0: throttled
		},
		Unknown: []string{"aws_lambda_function.dynamic"},
	})
}
