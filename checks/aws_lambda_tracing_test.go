package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSLambdaTracing(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSLambdaTracing, "testdata/aws_logging/plan.json", checktest.Want{
		Pass: []string{"aws_lambda_function.api"},
		Fail: []string{
			"aws_lambda_function.worker",                      // PassThrough
			`module.fn["thumbs"].aws_lambda_function.this[0]`, // not configured: PassThrough
		},
		Unknown: []string{"aws_lambda_function.edge"},
	})
}
