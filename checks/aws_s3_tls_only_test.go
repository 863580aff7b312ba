package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSS3TLSOnly(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSS3TLSOnly, "testdata/aws_s3_policy/plan.json", checktest.Want{
		Pass: []string{"aws_s3_bucket.archive", "aws_s3_bucket.reports", `module.logs["eu"].aws_s3_bucket.this`},
		Fail: []string{
			"aws_s3_bucket.exports", "aws_s3_bucket.scratch", "aws_s3_bucket.website",
			`module.logs["us"].aws_s3_bucket.this`,
		},
		Unknown: []string{"aws_s3_bucket.uploads"},
	})
}
