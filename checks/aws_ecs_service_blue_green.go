package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSECSServiceBlueGreen asks ECS services to deploy blue/green or canary
// rather than by rolling update.
var AWSECSServiceBlueGreen = check.Check{
	Meta: check.Meta{
		ID:            "aws_ecs_service_blue_green",
		Title:         "ECS service deploys blue/green or canary",
		Section:       "deployment",
		Category:      "deployment_strategy",
		Severity:      check.SeverityLow,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_ecs_service"},
		Description: "A rolling update replaces tasks in place: users reach the new version before anyone " +
			"has tested it in production, and going back means another deployment. Blue/green (the " +
			"CODE_DEPLOY controller, or ECS-native deployment_configuration strategies BLUE_GREEN, CANARY or " +
			"LINEAR) starts the new version beside the old one, shifts traffic in steps and can switch back at once.",
		Remediation: "Use deployment_controller { type = \"CODE_DEPLOY\" } with an aws_codedeploy_deployment_group " +
			"(blue/green with canary or linear traffic shifting), or ECS-native blue/green " +
			"(deployment_configuration { strategy = \"BLUE_GREEN\" }, AWS provider 6).",
		Example: `resource "aws_ecs_service" "api" {
  # ...
  deployment_controller {
    type = "CODE_DEPLOY"
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if s, _ := r.Attr("scheduling_strategy").Str(); s == "DAEMON" {
			return check.Skip // daemons deploy by rolling update only
		}
		ctl, e := ecsDeploymentController(p, r)
		switch ctl {
		case "":
			return unknown("deployment_controller is known only after apply", e)
		case "CODE_DEPLOY":
			return pass("CodeDeploy deploys the service blue/green", e)
		case "EXTERNAL":
			return unknown("an external deployment controller deploys the service: its strategy lies outside the plan", e)
		}
		strategy := r.Attr("deployment_configuration", 0, "strategy")
		if s, ok := strategy.Str(); ok && (s == "BLUE_GREEN" || s == "CANARY" || s == "LINEAR") {
			return pass("ECS deploys the service "+s, ev(p, r, "deployment_configuration", 0, "strategy"))
		}
		if strategy.Unknown {
			return unknown("the deployment strategy is known only after apply", ev(p, r, "deployment_configuration", 0, "strategy"))
		}
		return fail("the service deploys by rolling update: every user meets the new version before it is proven, and going back takes another deployment", e)
	},
}
