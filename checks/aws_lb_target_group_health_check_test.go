package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSLBTargetGroupHealthCheck(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSLBTargetGroupHealthCheck, "testdata/aws_lb/plan.json", checktest.Want{
		Pass: []string{
			"aws_lb_target_group.web",
			"aws_lb_target_group.color[0]", "aws_lb_target_group.color[1]",
			"module.edge[0].aws_lb_target_group.this",
		},
		Fail: []string{"aws_lb_target_group.batch"},
		Unknown: []string{
			"aws_alb_target_group.legacy",
			// The default health check would pass, but from the plan alone
			// health_check may be a dynamic block.
			"aws_lb_target_group.default",
		},
		// aws_lb_target_group.fn has Lambda targets: not probed, not judged.
	})
}
