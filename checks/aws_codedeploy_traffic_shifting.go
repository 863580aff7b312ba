package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSCodeDeployTrafficShifting asks CodeDeploy deployment groups to deploy
// blue/green, canary or linear rather than in place.
var AWSCodeDeployTrafficShifting = check.Check{
	Meta: check.Meta{
		ID:            "aws_codedeploy_traffic_shifting",
		Title:         "CodeDeploy deploys blue/green, canary or linear",
		Section:       "deployment",
		Category:      "deployment_strategy",
		Severity:      check.SeverityLow,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_codedeploy_deployment_group"},
		Description: "An in-place deployment stops the application on each instance and installs the new " +
			"revision there: capacity drops during the deployment and going back means deploying again. " +
			"Blue/green deployments bring up the new revision beside the old one, and canary or linear " +
			"configurations shift traffic in steps so that alarms can stop a bad release early.",
		Remediation: "Set deployment_style { deployment_type = \"BLUE_GREEN\", deployment_option = " +
			"\"WITH_TRAFFIC_CONTROL\" }, or use a canary or linear deployment_config_name " +
			"(CodeDeployDefault.ECSCanary10Percent5Minutes, CodeDeployDefault.LambdaLinear10PercentEvery1Minute, ...).",
		Example: `resource "aws_codedeploy_deployment_group" "api" {
  app_name               = aws_codedeploy_app.api.name
  deployment_group_name  = "api"
  service_role_arn       = aws_iam_role.codedeploy.arn
  deployment_config_name = "CodeDeployDefault.ECSCanary10Percent5Minutes"
  deployment_style {
    deployment_type   = "BLUE_GREEN"
    deployment_option = "WITH_TRAFFIC_CONTROL"
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		style := ev(p, r, "deployment_style", 0, "deployment_type")
		name := ev(p, r, "deployment_config_name")
		cfg, _ := r.Attr("deployment_config_name").Str()
		if strings.Contains(cfg, "Canary") || strings.Contains(cfg, "Linear") {
			return pass("traffic shifts to new revisions in steps ("+cfg+")", name, style)
		}
		for _, c := range p.Refs(r, "deployment_config_name") {
			if t, _ := c.Attr("traffic_routing_config", 0, "type").Str(); t == "TimeBasedCanary" || t == "TimeBasedLinear" {
				return pass("traffic shifts to new revisions in steps ("+c.Address+": "+t+")", name, style)
			}
		}
		t := r.Attr("deployment_style", 0, "deployment_type")
		if t.Unknown {
			return unknown("the deployment style is known only after apply", style, name)
		}
		kind, _ := t.Str()
		if kind == "" {
			kind = "IN_PLACE"
			style.Value += " (unset: defaults to IN_PLACE)"
		}
		if kind == "BLUE_GREEN" {
			return pass("the group deploys blue/green", style, name)
		}
		return fail("the group deploys in place: capacity drops during deployments and going back means redeploying", style, name)
	},
}
