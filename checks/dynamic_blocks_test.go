package checks

import (
	"strings"
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
	"github.com/prodready/terraform-provider-readiness/internal/source"
)

// TestDynamicBlocks judges blocks that plan JSON's configuration cannot
// show (it leaves dynamic blocks out), from the plan alone and with the .tf
// files beside it. Each pair of resources in the fixture has the same plan:
// one sets the block with a dynamic block whose for_each is known only
// after apply, the other does not set it. From the plan alone, no check may
// pass or skip on the block being unset; a failure may stand but says what
// it assumed. With the .tf files, each is judged for what it is.
func TestDynamicBlocks(t *testing.T) {
	t.Parallel()
	const dir = "testdata/dynamic_blocks"
	type want struct {
		status  check.Status // "" for no result (skipped)
		message string       // a part of the message
	}
	tests := map[string]struct {
		check            check.Check
		address          string
		planOnly, withTF want
	}{
		"dynamic ingress": {
			AWSSecurityGroupWorldIngress, "aws_security_group.dynamic_rules",
			want{check.StatusUnknown, "where a dynamic block would not show"},
			want{check.StatusUnknown, "known only after apply"},
		},
		"rules in their own resources": {
			AWSSecurityGroupWorldIngress, "aws_security_group.rules_elsewhere",
			want{check.StatusUnknown, "where a dynamic block would not show"},
			want{},
		},
		"dynamic replication": {
			AWSS3Replication, "aws_s3_bucket.dynamic_replication",
			want{check.StatusFail, "assumed unset: replication_configuration is missing"},
			want{check.StatusUnknown, "known only after apply"},
		},
		"no replication": {
			AWSS3Replication, "aws_s3_bucket.no_replication",
			want{check.StatusFail, "assumed unset: replication_configuration is missing"},
			want{check.StatusFail, "no replication"},
		},
		"dynamic health check": {
			AWSLBTargetGroupHealthCheck, "aws_lb_target_group.dynamic_health_check",
			want{check.StatusUnknown, "cannot tell: health_check is missing"},
			want{check.StatusUnknown, "known only after apply"},
		},
		"default health check": {
			AWSLBTargetGroupHealthCheck, "aws_lb_target_group.default_health_check",
			want{check.StatusUnknown, "cannot tell: health_check is missing"},
			want{check.StatusPass, "AWS defaults"},
		},
	}
	locs, err := source.Index(dir)
	if err != nil {
		t.Fatal(err)
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			for _, mode := range []string{"plan only", "with .tf"} {
				p := checktest.Load(t, dir+"/plan.json")
				w := tc.planOnly
				if mode == "with .tf" {
					locs.Complete(p)
					w = tc.withTF
				}
				var got check.Status
				var msg string
				for _, r := range checktest.Run(t, tc.check, p).Results {
					if r.Address == tc.address {
						got, msg = r.Status, r.Message
					}
				}
				if got != w.status || !strings.Contains(msg, w.message) {
					t.Errorf("%s: %s = %q %q, want %q with %q", mode, tc.address, got, msg, w.status, w.message)
				}
				if mode == "with .tf" && strings.Contains(msg, "dynamic block") {
					t.Errorf("with .tf: the .tf files should decide, but the message still hedges: %q", msg)
				}
			}
		})
	}
}
