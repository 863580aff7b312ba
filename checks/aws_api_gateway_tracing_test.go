package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSAPIGatewayTracing(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSAPIGatewayTracing, "testdata/aws_logging/plan.json", checktest.Want{
		Pass:    []string{"aws_api_gateway_stage.prod"},
		Fail:    []string{"aws_api_gateway_stage.beta"},
		Unknown: []string{"aws_api_gateway_stage.canary"},
	})
}
