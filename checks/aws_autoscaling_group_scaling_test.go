package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSAutoscalingGroupScaling(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSAutoscalingGroupScaling, "testdata/aws_asg/plan.json", checktest.Want{
		Pass: []string{
			"aws_autoscaling_group.web",      // target tracking policy by reference
			"aws_autoscaling_group.queue[0]", // a schedule naming it by value
			`module.workers["blue"].aws_autoscaling_group.this`,
			`module.workers["green"].aws_autoscaling_group.this`,
		},
		Fail: []string{
			"aws_autoscaling_group.batch", // min = max
			"aws_autoscaling_group.edge",
			"aws_autoscaling_group.queue[1]", // room to grow, nothing that scales it
			"aws_autoscaling_group.classic",
			"aws_autoscaling_group.shared",
		},
		Unknown: []string{"aws_autoscaling_group.opaque"}, // cluster-autoscaler tag
	})
}
