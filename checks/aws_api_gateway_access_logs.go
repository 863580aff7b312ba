package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSAPIGatewayAccessLogs requires API Gateway stages to write access logs.
var AWSAPIGatewayAccessLogs = check.Check{
	Meta: check.Meta{
		ID:            "aws_api_gateway_access_logs",
		Title:         "API Gateway stage writes access logs",
		Section:       "observability",
		Category:      "logging",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_api_gateway_stage", "aws_apigatewayv2_stage"},
		Description: "Access logs are the only record of each request an API received: caller, route, status, " +
			"latency and the integration's error. Without them a spike of 4xx or 5xx shows in metrics but cannot " +
			"be traced to a client, a route or a deployment.",
		Remediation: "Add an access_log_settings block with a CloudWatch Logs group (or Firehose) as " +
			"destination_arn and a format that includes the request ID, status and latency.",
		Example: `resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.api.id
  name        = "$default"
  auto_deploy = true
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format          = jsonencode({ requestId = "$context.requestId", status = "$context.status", latency = "$context.responseLatency" })
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		a := r.Attr("access_log_settings")
		e := ev(p, r, "access_log_settings")
		switch {
		case a.Unknown:
			return unknown("access_log_settings is known only after apply", e)
		case !a.Present:
			return unknown("the plan does not hold access_log_settings", e)
		case len(a.List()) == 0:
			return fail("the stage writes no access logs: requests leave no record", e)
		}
		return pass("the stage writes access logs", ev(p, r, "access_log_settings", 0, "destination_arn"))
	},
}
