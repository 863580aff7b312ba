package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSECSServiceMultiAZ(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSECSServiceMultiAZ, "testdata/aws_ecs/plan.json", checktest.Want{
		Pass: []string{
			"aws_ecs_service.api", // aws_subnet.private[*] in two zones, three tasks
			`module.jobs["exports"].aws_ecs_service.this`, `module.jobs["reports"].aws_ecs_service.this`,
		},
		Fail: []string{"aws_ecs_service.pinned"}, // one known subnet in one zone
		Unknown: []string{
			"aws_ecs_service.dynamic", "aws_ecs_service.legacy",
			"aws_ecs_service.worker", // one subnet referenced: a list may hold more
		},
		// aws_ecs_service.agent is a daemon: judged on its container instances.
	})
}
