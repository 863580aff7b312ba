package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSECSServiceCircuitBreaker requires a failed ECS deployment to roll back
// by itself.
var AWSECSServiceCircuitBreaker = check.Check{
	Meta: check.Meta{
		ID:            "aws_ecs_service_circuit_breaker",
		Title:         "ECS service rolls back failed deployments",
		Section:       "deployment",
		Category:      "rollback",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_ecs_service"},
		Description: "Without the deployment circuit breaker, a rolling deployment of a task definition whose " +
			"tasks never become healthy keeps retrying for hours while capacity drains. With enable and " +
			"rollback set, ECS stops the deployment after repeated failures and returns to the last " +
			"deployment that worked. Services deployed by CodeDeploy roll back through their deployment group.",
		Remediation: "Add deployment_circuit_breaker { enable = true, rollback = true } (or, with the " +
			"CODE_DEPLOY controller, enable auto_rollback_configuration on the deployment group).",
		Example: `resource "aws_ecs_service" "api" {
  # ...
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		ctl, ctlEv := ecsDeploymentController(p, r)
		switch ctl {
		case "":
			return unknown("deployment_controller is known only after apply", ctlEv)
		case "EXTERNAL":
			return unknown("an external deployment controller deploys the service: its rollback lies outside the plan", ctlEv)
		case "CODE_DEPLOY":
			groups := ecsDeploymentGroups(p, r)
			if len(groups) == 0 {
				return unknown("CodeDeploy deploys the service, but its deployment group is not in the plan", ctlEv)
			}
			return codeDeployRollback(p, groups[0])
		}
		cb := r.Attr("deployment_circuit_breaker")
		if cb.Unknown {
			return unknown("deployment_circuit_breaker is known only after apply", ev(p, r, "deployment_circuit_breaker"))
		}
		if len(cb.List()) == 0 {
			return fail("no deployment circuit breaker: a failing deployment keeps retrying instead of rolling back", ev(p, r, "deployment_circuit_breaker"))
		}
		enable, rollback := r.Attr("deployment_circuit_breaker", 0, "enable"), r.Attr("deployment_circuit_breaker", 0, "rollback")
		e := []check.Evidence{ev(p, r, "deployment_circuit_breaker", 0, "enable"), ev(p, r, "deployment_circuit_breaker", 0, "rollback")}
		on, ok1 := enable.Bool()
		back, ok2 := rollback.Bool()
		switch {
		case !ok1 || !ok2:
			return unknown("the circuit breaker settings are known only after apply", e...)
		case on && back:
			return pass("the circuit breaker stops failing deployments and rolls back", e...)
		case on:
			return fail("the circuit breaker stops failing deployments but does not roll back", e...)
		}
		return fail("the deployment circuit breaker is disabled", e...)
	},
}

// ecsDeploymentController returns an ECS service's deployment controller
// type (ECS when unset), or "" when unknown.
func ecsDeploymentController(p *model.Plan, r *model.Resource) (string, check.Evidence) {
	e := ev(p, r, "deployment_controller", 0, "type")
	dc := r.Attr("deployment_controller")
	if dc.Unknown {
		return "", ev(p, r, "deployment_controller")
	}
	t := r.Attr("deployment_controller", 0, "type")
	if t.Unknown {
		return "", e
	}
	if s, ok := t.Str(); ok && s != "" {
		return s, e
	}
	e.Value = "(not set: defaults to ECS rolling updates)"
	return "ECS", e
}

// ecsDeploymentGroups finds the CodeDeploy deployment groups that deploy an
// ECS service.
func ecsDeploymentGroups(p *model.Plan, svc *model.Resource) []*model.Resource {
	return linkedFrom(p, svc, "name", model.Path{"ecs_service", 0, "service_name"}, "aws_codedeploy_deployment_group")
}
