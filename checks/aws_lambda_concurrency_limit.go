package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSLambdaConcurrencyLimit requires Lambda functions to reserve (and so cap)
// their concurrency.
var AWSLambdaConcurrencyLimit = check.Check{
	Meta: check.Meta{
		ID:            "aws_lambda_concurrency_limit",
		Title:         "Lambda function has reserved concurrency",
		Section:       "deployment",
		Category:      "resource_limits",
		Severity:      check.SeverityLow,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_lambda_function"},
		Description: "Functions without reserved concurrency share the account's regional pool: one function " +
			"flooded with events can take every execution slot and throttle all the others, and can open " +
			"more connections than the databases and APIs behind it accept. Reserved concurrency both " +
			"guarantees and caps the function's share. The timeout (default 3 seconds) is shown beside it.",
		Remediation: "Set reserved_concurrent_executions to the most concurrent executions the function and " +
			"its dependencies should handle, and set timeout to what the work needs.",
		Example: `resource "aws_lambda_function" "worker" {
  function_name                  = "worker"
  role                           = aws_iam_role.worker.arn
  runtime                        = "python3.12"
  handler                        = "app.handler"
  filename                       = "worker.zip"
  timeout                        = 30
  reserved_concurrent_executions = 50
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		a := r.Attr("reserved_concurrent_executions")
		e := []check.Evidence{ev(p, r, "reserved_concurrent_executions"), ev(p, r, "timeout")}
		if a.Unknown {
			return unknown("reserved_concurrent_executions is known only after apply", e...)
		}
		n, ok := a.Number()
		switch {
		case !ok || n < 0:
			if !ok {
				e[0].Value += " (unset: unreserved)"
			}
			return fail("the function has no reserved concurrency: it shares, and can exhaust, the account's pool", e...)
		case n == 0:
			return fail("reserved concurrency is 0: every invocation is throttled", e...)
		}
		return pass(fmt.Sprintf("the function reserves at most %g concurrent executions", n), e...)
	},
}
