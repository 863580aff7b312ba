package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSAPIGatewayAccessLogs(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSAPIGatewayAccessLogs, "testdata/aws_logging/plan.json", checktest.Want{
		Pass:    []string{"aws_api_gateway_stage.prod", "aws_apigatewayv2_stage.ws"},
		Fail:    []string{"aws_api_gateway_stage.beta", `module.api["v2"].aws_apigatewayv2_stage.default[0]`},
		Unknown: []string{"aws_api_gateway_stage.canary"},
	})
}
