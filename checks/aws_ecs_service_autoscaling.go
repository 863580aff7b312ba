package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSECSServiceAutoscaling requires an ECS service to scale its task count
// with Application Auto Scaling.
var AWSECSServiceAutoscaling = check.Check{
	Meta: check.Meta{
		ID:            "aws_ecs_service_autoscaling",
		Title:         "ECS service scales its task count automatically",
		Section:       "deployment",
		Category:      "autoscaling",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_ecs_service"},
		Description: "An ECS service keeps desired_count tasks and no more: a traffic spike saturates them. " +
			"Application Auto Scaling changes the count between min_capacity and max_capacity when it has a " +
			"scalable target (resource_id service/<cluster>/<service>) and a policy or schedule on it.",
		Remediation: "Add an aws_appautoscaling_target for the service with max_capacity above min_capacity, " +
			"and an aws_appautoscaling_policy (target tracking on ECSServiceAverageCPUUtilization or " +
			"ALBRequestCountPerTarget) on that target.",
		Example: `resource "aws_appautoscaling_target" "api" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.main.name}/${aws_ecs_service.api.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = 2
  max_capacity       = 20
}

resource "aws_appautoscaling_policy" "api_cpu" {
  name               = "api-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.api.service_namespace
  resource_id        = aws_appautoscaling_target.api.resource_id
  scalable_dimension = aws_appautoscaling_target.api.scalable_dimension
  target_tracking_scaling_policy_configuration {
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
    target_value = 60
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if s, _ := r.Attr("scheduling_strategy").Str(); s == "DAEMON" {
			return check.Skip // one task per container instance: scales with the instances
		}
		targets := ecsScalableTargets(p, r)
		if len(targets) == 0 {
			return fail("no aws_appautoscaling_target in the plan scales this service: it keeps a fixed task count",
				ev(p, r, "desired_count"), evText("aws_appautoscaling_target", "none for this service"))
		}
		var undecided []check.Evidence
		for _, t := range targets {
			e := []check.Evidence{evAt(p, t, "min_capacity"), evAt(p, t, "max_capacity")}
			lo, ok1 := t.Attr("min_capacity").Number()
			hi, ok2 := t.Attr("max_capacity").Number()
			if !ok1 || !ok2 {
				undecided = append(undecided, e...)
				continue
			}
			if lo >= hi {
				return fail(fmt.Sprintf("%s pins the service at %g tasks (min_capacity = max_capacity)", t.Address, hi), e...)
			}
			policies := scalingPolicies(p, t)
			if len(policies) == 0 {
				return fail(fmt.Sprintf("%s has no aws_appautoscaling_policy or scheduled action: nothing changes the count", t.Address), e...)
			}
			e = append(e, evText("scaled by", "%s", addresses(policies)))
			return pass(fmt.Sprintf("the service scales between %g and %g tasks", lo, hi), e...)
		}
		return unknown("the scalable target's capacities are known only after apply", undecided...)
	},
}
