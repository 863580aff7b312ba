package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSS3Versioning(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSS3Versioning, "testdata/aws_s3/plan.json", checktest.Want{
		Pass:    []string{"aws_s3_bucket.archive", "aws_s3_bucket.data", "aws_s3_bucket.data_replica"},
		Fail:    []string{"aws_s3_bucket.assets", "aws_s3_bucket.logs", "aws_s3_bucket.uploads"},
		Unknown: []string{`module.site["docs"].aws_s3_bucket.this[0]`},
	})
}
