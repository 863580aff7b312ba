package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSCodeDeployAutoRollback(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSCodeDeployAutoRollback, "testdata/aws_ecs/plan.json", checktest.Want{
		Pass: []string{
			"aws_codedeploy_deployment_group.legacy",
			"aws_codedeploy_deployment_group.fn[0]", "aws_codedeploy_deployment_group.fn[1]",
			"aws_codedeploy_deployment_group.switch", "module.deploy.aws_codedeploy_deployment_group.this",
		},
		Fail:    []string{"aws_codedeploy_deployment_group.ec2_app"},
		Unknown: []string{"aws_codedeploy_deployment_group.blue"},
	})
}
