package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSECSServiceBlueGreen(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSECSServiceBlueGreen, "testdata/aws_ecs/plan.json", checktest.Want{
		Pass: []string{"aws_ecs_service.legacy"}, // CODE_DEPLOY
		Fail: []string{
			"aws_ecs_service.api", "aws_ecs_service.worker", "aws_ecs_service.pinned",
			`module.jobs["exports"].aws_ecs_service.this`, `module.jobs["reports"].aws_ecs_service.this`,
		},
		Unknown: []string{"aws_ecs_service.dynamic"}, // external controller
	})
}
