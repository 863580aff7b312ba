package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSAPIGatewayTracing requires X-Ray tracing on REST API stages.
var AWSAPIGatewayTracing = check.Check{
	Meta: check.Meta{
		ID:            "aws_api_gateway_tracing",
		Title:         "API Gateway REST stage has X-Ray tracing",
		Section:       "observability",
		Category:      "tracing",
		Severity:      check.SeverityLow,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_api_gateway_stage"},
		Description: "With X-Ray tracing on the stage, each sampled request is traced from API Gateway into " +
			"its Lambda or HTTP integration, so latency and errors can be followed end to end. REST API stages " +
			"leave it off by default. (HTTP and WebSocket APIs, aws_apigatewayv2_stage, do not support X-Ray.)",
		Remediation: "Set xray_tracing_enabled = true on the aws_api_gateway_stage.",
		Example: `resource "aws_api_gateway_stage" "prod" {
  rest_api_id          = aws_api_gateway_rest_api.api.id
  deployment_id        = aws_api_gateway_deployment.api.id
  stage_name           = "prod"
  xray_tracing_enabled = true
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return flag(p, r, true, false,
			"the stage traces requests with X-Ray",
			"the stage does not trace requests with X-Ray",
			"xray_tracing_enabled")
	},
}
