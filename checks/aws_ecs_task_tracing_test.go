package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSECSTaskTracing(t *testing.T) {
	t.Parallel()
	// aws_ecs_task_definition.batch runs in no service: not judged.
	checktest.Assert(t, AWSECSTaskTracing, "testdata/aws_ecs_tracing/plan.json", checktest.Want{
		Pass: []string{
			"aws_ecs_task_definition.api",                          // aws-otel-collector sidecar
			`module.app["orders"].aws_ecs_task_definition.this[0]`, // OTEL_EXPORTER_OTLP_ENDPOINT
		},
		Fail:    []string{"aws_ecs_task_definition.worker"},
		Unknown: []string{"aws_ecs_task_definition.dynamic"},
	})
}
