package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSLambdaAliasTrafficShifting(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"weights and their absence": {"testdata/aws_lambda/plan.json", checktest.Want{
			Pass:    []string{"aws_lambda_alias.api"},
			Fail:    []string{"aws_lambda_alias.worker", "aws_lambda_alias.shard[0]", "aws_lambda_alias.shard[1]"},
			Unknown: []string{"module.hooks.aws_lambda_alias.this"}, // dynamic routing_config
		}},
		"a CodeDeploy Lambda application may shift it": {"testdata/aws_lambda_codedeploy/plan.json", checktest.Want{
			Unknown: []string{"aws_lambda_alias.api"},
		}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSLambdaAliasTrafficShifting, tc.fixture, tc.want)
		})
	}
}
