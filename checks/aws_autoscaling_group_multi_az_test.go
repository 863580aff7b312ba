package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSAutoscalingGroupMultiAZ(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSAutoscalingGroupMultiAZ, "testdata/aws_asg/plan.json", checktest.Want{
		Pass: []string{
			"aws_autoscaling_group.web",     // aws_subnet.private[*] in three zones
			"aws_autoscaling_group.classic", // availability_zones
			"aws_autoscaling_group.shared",  // the same two subnets as a load balancer
			`module.workers["green"].aws_autoscaling_group.this`,
		},
		Fail: []string{
			"aws_autoscaling_group.edge", // a new VPC whose only subnet is in one zone
		},
		Unknown: []string{
			// One subnet referenced: a list may hold more (a literal ID beside it).
			"aws_autoscaling_group.batch",
			"aws_autoscaling_group.queue[0]", "aws_autoscaling_group.queue[1]",
			"aws_autoscaling_group.opaque",                      // subnets from a local
			`module.workers["blue"].aws_autoscaling_group.this`, // one subnet outside the plan
		},
	})
}
