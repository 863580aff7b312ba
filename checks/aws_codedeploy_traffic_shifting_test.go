package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSCodeDeployTrafficShifting(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSCodeDeployTrafficShifting, "testdata/aws_ecs/plan.json", checktest.Want{
		Pass: []string{
			"aws_codedeploy_deployment_group.legacy", // ECS canary
			"aws_codedeploy_deployment_group.blue",   // custom linear config by reference
			"aws_codedeploy_deployment_group.fn[0]", "aws_codedeploy_deployment_group.fn[1]",
			"module.deploy.aws_codedeploy_deployment_group.this", // BLUE_GREEN
		},
		Fail:    []string{"aws_codedeploy_deployment_group.ec2_app"}, // in place by default
		Unknown: []string{"aws_codedeploy_deployment_group.switch"},  // deployment type read at apply
	})
}
