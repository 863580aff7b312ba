package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSS3PublicAccess(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSS3PublicAccess, "testdata/aws_s3/plan.json", checktest.Want{
		Pass:    []string{"aws_s3_bucket.data", "aws_s3_bucket.data_replica"},
		Fail:    []string{"aws_s3_bucket.assets", "aws_s3_bucket.logs", "aws_s3_bucket.uploads"},
		Unknown: []string{"aws_s3_bucket.archive", `module.site["docs"].aws_s3_bucket.this[0]`},
	})
}
