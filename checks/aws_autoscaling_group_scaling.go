package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSAutoscalingGroupScaling requires an Auto Scaling group to be able to
// grow: min_size below max_size and something that changes its capacity.
var AWSAutoscalingGroupScaling = check.Check{
	Meta: check.Meta{
		ID:            "aws_autoscaling_group_scaling",
		Title:         "Auto Scaling group scales between a minimum and a maximum",
		Section:       "deployment",
		Category:      "autoscaling",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_autoscaling_group"},
		Description: "An Auto Scaling group with min_size equal to max_size only replaces failed instances: " +
			"it cannot absorb a traffic spike. Room between the two is not enough either: a scaling policy, " +
			"a schedule or an ECS capacity provider with managed scaling has to change the desired capacity.",
		Remediation: "Set max_size above min_size and add an aws_autoscaling_policy (target tracking on CPU " +
			"or request count per target), an aws_autoscaling_schedule, or an ECS capacity provider with " +
			"managed_scaling for the group.",
		Example: `resource "aws_autoscaling_group" "app" {
  min_size = 2
  max_size = 10
  # ...
}

resource "aws_autoscaling_policy" "cpu" {
  name                   = "cpu-target"
  autoscaling_group_name = aws_autoscaling_group.app.name
  policy_type            = "TargetTrackingScaling"
  target_tracking_configuration {
    predefined_metric_specification {
      predefined_metric_type = "ASGAverageCPUUtilization"
    }
    target_value = 50
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		minA, maxA := r.Attr("min_size"), r.Attr("max_size")
		e := []check.Evidence{ev(p, r, "min_size"), ev(p, r, "max_size")}
		lo, ok1 := minA.Number()
		hi, ok2 := maxA.Number()
		if !ok1 || !ok2 {
			return unknown("min_size or max_size is known only after apply", e...)
		}
		if lo >= hi {
			return fail(fmt.Sprintf("the group has a fixed size of %g: it cannot grow under load", hi), e...)
		}
		scalers := linkedFrom(p, r, "name", model.Path{"autoscaling_group_name"}, "aws_autoscaling_policy", "aws_autoscaling_schedule")
		for _, cp := range linkedFrom(p, r, "arn", model.Path{"auto_scaling_group_provider", 0, "auto_scaling_group_arn"}, "aws_ecs_capacity_provider") {
			if s, _ := cp.Attr("auto_scaling_group_provider", 0, "managed_scaling", 0, "status").Str(); s == "ENABLED" {
				scalers = append(scalers, cp)
			}
		}
		if len(scalers) > 0 {
			e = append(e, evText("scaled by", "%s", addresses(scalers)))
			return pass(fmt.Sprintf("the group scales between %g and %g instances", lo, hi), e...)
		}
		if tag, ok := clusterAutoscalerTag(r); ok {
			e = append(e, evText("tag", "%s", tag))
			return unknown("the group is tagged for the Kubernetes cluster-autoscaler, which the plan does not show", e...)
		}
		return fail("nothing in the plan changes the group's capacity: no scaling policy, schedule or ECS capacity provider with managed scaling", e...)
	},
}

// clusterAutoscalerTag finds the tag the Kubernetes cluster-autoscaler uses
// to discover a group.
func clusterAutoscalerTag(r *model.Resource) (string, bool) {
	for _, list := range []string{"tag", "tags"} {
		for _, t := range r.Attr(list).List() {
			o, _ := t.(model.Object)
			k, _ := o.Get("key")
			if s, _ := k.(string); s == "k8s.io/cluster-autoscaler/enabled" {
				return s, true
			}
		}
	}
	return "", false
}
