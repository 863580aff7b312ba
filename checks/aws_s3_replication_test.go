package checks

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
	"github.com/prodready/terraform-provider-readiness/internal/policy"
)

func TestAWSS3Replication(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"replication configurations": {
			fixture: "testdata/aws_s3/plan.json",
			want: checktest.Want{
				Pass: []string{"aws_s3_bucket.data", "aws_s3_bucket.data_replica"},
				Fail: []string{"aws_s3_bucket.archive", "aws_s3_bucket.assets", "aws_s3_bucket.logs", "aws_s3_bucket.uploads", `module.site["docs"].aws_s3_bucket.this[0]`},
			},
		},
		// Log and website buckets hold no data a regional outage would
		// lose: not judged.
		"bucket roles": {
			fixture: "testdata/aws_s3_roles/plan.json",
			want: checktest.Want{
				Fail: []string{"aws_s3_bucket.data", "aws_s3_bucket.exposed", "aws_s3_bucket.ledger"},
				// Not judged: logs (aws_s3_bucket_logging.data, log-delivery
				// ACL), flow_logs (aws_flow_log.vpc), site, assets and docs
				// (website endpoints).
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSS3Replication, tc.fixture, tc.want)
		})
	}
}

// TestS3ReplicationSeverity: a failure is low, and medium on a bucket whose
// tier tag says critical.
func TestS3ReplicationSeverity(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		pol  func() *policy.Policy
		want map[string]string
	}{
		"no configuration": {
			pol:  func() *policy.Policy { return nil },
			want: map[string]string{"aws_s3_bucket.data": "low", "aws_s3_bucket.exposed": "low", "aws_s3_bucket.ledger": "low"},
		},
		"tier tags": {
			pol:  tierTags,
			want: map[string]string{"aws_s3_bucket.data": "low", "aws_s3_bucket.exposed": "low", "aws_s3_bucket.ledger": "medium"},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rep := runWithPolicy(t, AWSS3Replication, "testdata/aws_s3_roles/plan.json", tc.pol())
			if diff := cmp.Diff(tc.want, severities(rep, check.StatusFail)); diff != "" {
				t.Errorf("failures' severities (-want +got):\n%s", diff)
			}
		})
	}
}

func TestS3Roles(t *testing.T) {
	t.Parallel()
	p := checktest.Load(t, "testdata/aws_s3_roles/plan.json")
	tests := map[string]struct{ website, logs bool }{
		"aws_s3_bucket.site":      {website: true}, // aws_s3_bucket_website_configuration
		"aws_s3_bucket.assets":    {website: true}, // CloudFront origin at NAME.s3-website-REGION
		"aws_s3_bucket.docs":      {website: true}, // CloudFront origin = website_endpoint
		"aws_s3_bucket.logs":      {logs: true},    // aws_s3_bucket_logging target, log-delivery-write
		"aws_s3_bucket.flow_logs": {logs: true},    // aws_flow_log log_destination
		"aws_s3_bucket.data":      {},
		"aws_s3_bucket.exposed":   {},
		"aws_s3_bucket.ledger":    {},
	}
	for addr, want := range tests {
		t.Run(addr, func(t *testing.T) {
			t.Parallel()
			b := p.Lookup(addr)
			if why, got := s3WebsiteBucket(p, b); got != want.website || (got && why == "") {
				t.Errorf("s3WebsiteBucket = %q, %v; want %v", why, got, want.website)
			}
			if why, got := s3LogBucket(p, b); got != want.logs || (got && why == "") {
				t.Errorf("s3LogBucket = %q, %v; want %v", why, got, want.logs)
			}
		})
	}
}

func TestS3BucketNames(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"arn:aws:s3:::flow-logs":               "flow-logs",
		"arn:aws:s3:::flow-logs/vpc/":          "flow-logs",
		"arn:aws:logs:eu-west-1:1:log-group:x": "",
		"flow-logs":                            "",
	} {
		if got := arnBucketName(in); got != want {
			t.Errorf("arnBucketName(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"cf-logs.s3.amazonaws.com":           "cf-logs",
		"cf-logs.s3.eu-west-1.amazonaws.com": "cf-logs",
		"cf-logs.s3-eu-west-1.amazonaws.com": "cf-logs",
		"example.com":                        "",
	} {
		if got := domainBucketName(in); got != want {
			t.Errorf("domainBucketName(%q) = %q, want %q", in, got, want)
		}
	}
}
