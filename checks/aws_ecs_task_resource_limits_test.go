package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSECSTaskResourceLimits(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSECSTaskResourceLimits, "testdata/aws_ecs/plan.json", checktest.Want{
		Pass: []string{
			"aws_ecs_task_definition.api",    // task level
			"aws_ecs_task_definition.worker", // every container
			`module.jobs["exports"].aws_ecs_task_definition.this`, `module.jobs["reports"].aws_ecs_task_definition.this`,
		},
		Fail:    []string{"aws_ecs_task_definition.legacy"}, // memoryReservation only
		Unknown: []string{"aws_ecs_task_definition.dynamic"},
	})
}
