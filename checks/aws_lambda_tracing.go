package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSLambdaTracing requires X-Ray active tracing on Lambda functions.
var AWSLambdaTracing = check.Check{
	Meta: check.Meta{
		ID:            "aws_lambda_tracing",
		Title:         "Lambda function has X-Ray active tracing",
		Section:       "observability",
		Category:      "tracing",
		Severity:      check.SeverityLow,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_lambda_function"},
		Description: "With active tracing, Lambda samples requests and records each invocation and its calls " +
			"to other AWS services and HTTP endpoints as an X-Ray trace, so a slow or failing request can be " +
			"followed across functions, queues and databases. The default mode, PassThrough, traces only " +
			"requests that arrive already traced.",
		Remediation: "Add tracing_config { mode = \"Active\" } and allow the function's role " +
			"xray:PutTraceSegments and xray:PutTelemetryRecords (AWSXRayDaemonWriteAccess).",
		Example: `resource "aws_lambda_function" "api" {
  function_name = "api"
  # ...
  tracing_config {
    mode = "Active"
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		a := r.Attr("tracing_config", 0, "mode")
		e := ev(p, r, "tracing_config", 0, "mode")
		if a.Unknown || !a.Present {
			// tracing_config is optional and computed: unset, the plan
			// shows it as known after apply, and AWS applies PassThrough.
			if r.ConfiguredBlock("tracing_config") == model.NotSet || maybeDynamic(r, "tracing_config") {
				e.Value += " (tracing_config not configured: defaults to PassThrough)"
				if maybeDynamic(r, "tracing_config") {
					e = assumeUnset(e, "tracing_config")
				}
				return fail("the function does not trace requests: tracing mode defaults to PassThrough", e)
			}
			if a.Unknown || r.Attr("tracing_config").Unknown {
				return unknown("tracing_config is known only after apply", e)
			}
			return unknown("the plan does not hold tracing_config", e)
		}
		mode, _ := a.Str()
		if mode == "Active" {
			return pass("the function traces requests with X-Ray", e)
		}
		return fail("the function does not trace requests: tracing mode is "+mode, e)
	},
}
