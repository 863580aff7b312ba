package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSLBMultiAZ(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSLBMultiAZ, "testdata/aws_lb/plan.json", checktest.Want{
		Pass: []string{
			"aws_lb.web", "aws_lb.inspection", "aws_elb.classic", // two traced subnets in two zones
			"aws_alb.legacy", // two known subnets: one per zone by AWS rule
			"module.edge[0].aws_lb.this", "module.edge[0].aws_elb.this",
		},
		Fail: []string{
			"aws_lb.nlb",      // one subnet_mapping
			"aws_elb.old_web", // one availability zone
		},
		Unknown: []string{
			"aws_lb.dynamic", // subnets from data.aws_subnets
			"aws_elb.tcp[0]", // [aws_subnet.public[count.index].id]: a list may hold more
		},
	})
}
