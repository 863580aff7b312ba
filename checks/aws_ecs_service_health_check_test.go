package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSECSServiceHealthCheck(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSECSServiceHealthCheck, "testdata/aws_ecs/plan.json", checktest.Want{
		Pass: []string{
			"aws_ecs_service.api",                                                       // load balancer
			"aws_ecs_service.worker", "aws_ecs_service.pinned", "aws_ecs_service.agent", // container healthCheck
			`module.jobs["exports"].aws_ecs_service.this`, `module.jobs["reports"].aws_ecs_service.this`,
		},
		Fail:    []string{"aws_ecs_service.legacy"},
		Unknown: []string{"aws_ecs_service.dynamic"}, // container definitions known only after apply
	})
}
