package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSLBListenerHTTPS(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSLBListenerHTTPS, "testdata/aws_lb/plan.json", checktest.Want{
		Pass: []string{
			"aws_lb_listener.https", "module.edge[0].aws_lb_listener.this",
			"aws_lb_listener.http_redirect", // HTTP that only redirects to HTTPS
		},
		Fail: []string{
			"aws_lb_listener.http_forward",
			"aws_lb_listener.implicit", // protocol unset on an ALB: HTTP
			"aws_alb_listener.legacy",  // fixed response, but a listener rule forwards
		},
		Unknown: []string{"aws_lb_listener.nlb_tcp"}, // TCP may pass TLS through
	})
}
