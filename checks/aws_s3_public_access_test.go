package checks

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSS3PublicAccess(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"ACLs, policies and Block Public Access": {
			fixture: "testdata/aws_s3/plan.json",
			want: checktest.Want{
				Pass:    []string{"aws_s3_bucket.data", "aws_s3_bucket.data_replica"},
				Fail:    []string{"aws_s3_bucket.assets", "aws_s3_bucket.logs", "aws_s3_bucket.uploads"},
				Unknown: []string{"aws_s3_bucket.archive", `module.site["docs"].aws_s3_bucket.this[0]`},
			},
		},
		"bucket roles": {
			fixture: "testdata/aws_s3_roles/plan.json",
			want: checktest.Want{
				Pass: []string{"aws_s3_bucket.assets", "aws_s3_bucket.data", "aws_s3_bucket.docs", "aws_s3_bucket.flow_logs", "aws_s3_bucket.ledger"},
				Fail: []string{"aws_s3_bucket.exposed", "aws_s3_bucket.logs", "aws_s3_bucket.site"},
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSS3PublicAccess, tc.fixture, tc.want)
		})
	}
}

// TestS3PublicAccessSeverity: critical when something is public; medium
// when Block Public Access is partly off and nothing the plan shows is.
func TestS3PublicAccessSeverity(t *testing.T) {
	t.Parallel()
	rep := runWithPolicy(t, AWSS3PublicAccess, "testdata/aws_s3_roles/plan.json", nil)
	want := map[string]string{
		"aws_s3_bucket.exposed": "critical", // public-read ACL, nothing blocks it
		"aws_s3_bucket.logs":    "medium",   // log-delivery ACL: the ACL flags are off
		"aws_s3_bucket.site":    "medium",   // policy flags off for a referer-bound policy
	}
	if diff := cmp.Diff(want, severities(rep, check.StatusFail)); diff != "" {
		t.Errorf("failures' severities (-want +got):\n%s", diff)
	}
}
