package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSS3TLSOnly(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"bucket policies": {
			fixture: "testdata/aws_s3_policy/plan.json",
			want: checktest.Want{
				Pass: []string{"aws_s3_bucket.archive", "aws_s3_bucket.reports", `module.logs["eu"].aws_s3_bucket.this`},
				Fail: []string{
					"aws_s3_bucket.exports", "aws_s3_bucket.scratch", "aws_s3_bucket.website",
					`module.logs["us"].aws_s3_bucket.this`,
				},
				Unknown: []string{"aws_s3_bucket.uploads"},
			},
		},
		// A bucket served from its S3 website endpoint speaks HTTP only: a
		// TLS-only policy would take the site down.
		"website endpoints": {
			fixture: "testdata/aws_s3_roles/plan.json",
			want: checktest.Want{
				Fail: []string{
					"aws_s3_bucket.data", "aws_s3_bucket.exposed", "aws_s3_bucket.flow_logs",
					"aws_s3_bucket.ledger", "aws_s3_bucket.logs",
				},
				// Not judged: site (aws_s3_bucket_website_configuration),
				// assets (CloudFront's HTTP origin at its website endpoint,
				// by name), docs (the same, by reference to website_endpoint).
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSS3TLSOnly, tc.fixture, tc.want)
		})
	}
}
