package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSCodeDeployAutoRollback requires CodeDeploy deployment groups to roll
// back failed deployments automatically.
var AWSCodeDeployAutoRollback = check.Check{
	Meta: check.Meta{
		ID:            "aws_codedeploy_auto_rollback",
		Title:         "CodeDeploy deployment group rolls back failed deployments",
		Section:       "deployment",
		Category:      "rollback",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_codedeploy_deployment_group"},
		Description: "Without automatic rollback, a CodeDeploy deployment that fails (or trips an alarm) " +
			"leaves the new revision in place, partly or fully, until someone redeploys the old one by hand.",
		Remediation: "Add auto_rollback_configuration { enabled = true, events = [\"DEPLOYMENT_FAILURE\", " +
			"\"DEPLOYMENT_STOP_ON_ALARM\"] } and alarm_configuration with the service's error alarms.",
		Example: `resource "aws_codedeploy_deployment_group" "api" {
  # ...
  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]
  }
}`,
	},
	Resource: codeDeployRollback,
}

// codeDeployRollback judges a deployment group's auto_rollback_configuration.
func codeDeployRollback(p *model.Plan, g *model.Resource) check.Finding {
	cfg := g.Attr("auto_rollback_configuration")
	if cfg.Unknown {
		return unknown("auto_rollback_configuration is known only after apply", ev(p, g, "auto_rollback_configuration"))
	}
	if len(cfg.List()) == 0 {
		return fail(g.Address+" does not roll back failed deployments", ev(p, g, "auto_rollback_configuration"))
	}
	enabled, events := g.Attr("auto_rollback_configuration", 0, "enabled"), g.Attr("auto_rollback_configuration", 0, "events")
	e := []check.Evidence{ev(p, g, "auto_rollback_configuration", 0, "enabled"), ev(p, g, "auto_rollback_configuration", 0, "events")}
	on, ok := enabled.Bool()
	if !ok || events.Unknown {
		return unknown("the rollback settings are known only after apply", e...)
	}
	if !on {
		return fail(g.Address+" has automatic rollback disabled", e...)
	}
	for _, event := range events.Strings() {
		if event == "DEPLOYMENT_FAILURE" || event == "DEPLOYMENT_STOP_ON_ALARM" {
			return pass(g.Address+" rolls back failed deployments", e...)
		}
	}
	return fail(g.Address+" enables rollback but for no failure event", e...)
}
