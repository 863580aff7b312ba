package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSAutoscalingGroupELBHealthCheck(t *testing.T) {
	t.Parallel()
	// Groups without a load balancer (batch, edge, classic, workers["blue"])
	// are not judged once their .tf files are read; from the plan alone,
	// their traffic_source (known only after apply) may be a dynamic block.
	checktest.Assert(t, AWSAutoscalingGroupELBHealthCheck, "testdata/aws_asg/plan.json", checktest.Want{
		Pass: []string{"aws_autoscaling_group.web", `module.workers["green"].aws_autoscaling_group.this`},
		Fail: []string{
			"aws_autoscaling_group.opaque", // attachment resource, health_check_type unset
			"aws_autoscaling_group.queue[0]",
			"aws_autoscaling_group.queue[1]",
		},
		Unknown: []string{
			"aws_autoscaling_group.shared", // health_check_type from a data source
			"aws_autoscaling_group.batch", "aws_autoscaling_group.edge", "aws_autoscaling_group.classic",
			`module.workers["blue"].aws_autoscaling_group.this`,
		},
	})
}
