package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSECSServiceAutoscaling(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSECSServiceAutoscaling, "testdata/aws_ecs/plan.json", checktest.Want{
		Pass: []string{"aws_ecs_service.api", `module.jobs["exports"].aws_ecs_service.this`, `module.jobs["reports"].aws_ecs_service.this`},
		Fail: []string{
			"aws_ecs_service.worker", // target found by resource_id value, min = max
			"aws_ecs_service.legacy", // no target
			"aws_ecs_service.pinned", // no target
		},
		Unknown: []string{"aws_ecs_service.dynamic"}, // capacities known only after apply
	})
}
