package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSCloudFrontAccessLogs(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSCloudFrontAccessLogs, "testdata/aws_cloudfront/plan.json", checktest.Want{
		Pass: []string{
			"aws_cloudfront_distribution.site", "aws_cloudfront_distribution.assets[0]", // logging_config
			"aws_cloudfront_distribution.api", // CloudWatch log delivery source
		},
		Fail:    []string{"aws_cloudfront_distribution.legacy", "module.cdn.aws_cloudfront_distribution.this"},
		Unknown: []string{"aws_cloudfront_distribution.dynamic"},
	})
}
