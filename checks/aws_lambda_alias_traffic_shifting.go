package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSLambdaAliasTrafficShifting asks Lambda aliases to receive new versions
// gradually.
var AWSLambdaAliasTrafficShifting = check.Check{
	Meta: check.Meta{
		ID:            "aws_lambda_alias_traffic_shifting",
		Title:         "Lambda alias shifts traffic to new versions gradually",
		Section:       "deployment",
		Category:      "deployment_strategy",
		Severity:      check.SeverityLow,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_lambda_alias"},
		Description: "Pointing an alias at a new function version moves every invocation at once. Weighted " +
			"routing (routing_config), usually driven by CodeDeploy canary or linear deployments, sends a " +
			"share of traffic to the new version first so that errors show before all users see them.",
		Remediation: "Deploy the function through a CodeDeploy deployment group (compute platform Lambda) with " +
			"a canary or linear configuration, or set routing_config.additional_version_weights while a new " +
			"version is being proven.",
		Example: `resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.api.function_name
  function_version = "7"
  routing_config {
    additional_version_weights = { "8" = 0.1 }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		rc := r.Attr("routing_config")
		e := ev(p, r, "routing_config")
		if rc.Unknown {
			return unknown("routing_config is known only after apply", e)
		}
		if w := r.Attr("routing_config", 0, "additional_version_weights"); len(w.Object()) > 0 {
			return pass("the alias sends a share of traffic to a new version", ev(p, r, "routing_config", 0, "additional_version_weights"))
		}
		if app := codeDeployLambdaApp.in(p); app != nil {
			return unknown("the plan has a CodeDeploy Lambda application ("+app.Address+"): whether it shifts this alias is set in its AppSpec, outside the plan", e)
		}
		return fail("the alias moves all traffic to a new version at once, and no CodeDeploy Lambda deployment shifts it gradually", e)
	},
}

// codeDeployLambdaApp finds a CodeDeploy application for Lambda.
var codeDeployLambdaApp = &firstMatch{
	types: []string{"aws_codedeploy_app"},
	test:  func(app *model.Resource) bool { return strAt(app, "compute_platform") == "Lambda" },
}
