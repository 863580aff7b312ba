package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSLBAccessLogs(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSLBAccessLogs, "testdata/aws_lb/plan.json", checktest.Want{
		Pass: []string{"aws_lb.web", "aws_elb.classic", "module.edge[0].aws_lb.this"},
		Fail: []string{
			"aws_lb.nlb", "aws_elb.old_web", "aws_elb.tcp[0]", // no access_logs block
			"aws_alb.legacy", "module.edge[0].aws_elb.this", // enabled = false
		},
		Unknown: []string{"aws_lb.dynamic"}, // enabled known only after apply
		// aws_lb.inspection is a Gateway Load Balancer: no access logs to judge.
	})
}
