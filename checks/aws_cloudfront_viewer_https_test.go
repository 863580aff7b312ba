package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSCloudFrontViewerHTTPS(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSCloudFrontViewerHTTPS, "testdata/aws_cloudfront/plan.json", checktest.Want{
		Pass: []string{
			"aws_cloudfront_distribution.site", "aws_cloudfront_distribution.assets[0]",
			"module.cdn.aws_cloudfront_distribution.this",
		},
		Fail: []string{
			"aws_cloudfront_distribution.legacy", // default behavior allow-all
			"aws_cloudfront_distribution.api",    // an ordered behavior allow-all
		},
		Unknown: []string{"aws_cloudfront_distribution.dynamic"},
	})
}
