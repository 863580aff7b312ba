package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSECSServiceCircuitBreaker(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSECSServiceCircuitBreaker, "testdata/aws_ecs/plan.json", checktest.Want{
		Pass: []string{
			"aws_ecs_service.api", `module.jobs["exports"].aws_ecs_service.this`, `module.jobs["reports"].aws_ecs_service.this`,
			"aws_ecs_service.legacy", // CodeDeploy group with auto rollback
		},
		Fail: []string{
			"aws_ecs_service.worker", "aws_ecs_service.pinned", // enable without rollback
			"aws_ecs_service.agent", // no circuit breaker
		},
		Unknown: []string{"aws_ecs_service.dynamic"}, // external controller
	})
}
