package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSECSServiceMultiAZ requires an ECS service to run at least two tasks,
// in subnets of two or more Availability Zones.
var AWSECSServiceMultiAZ = check.Check{
	Meta: check.Meta{
		ID:            "aws_ecs_service_multi_az",
		Title:         "ECS service runs two or more tasks across Availability Zones",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_ecs_service"},
		Description: "ECS spreads a service's tasks over the Availability Zones of its subnets, but only if " +
			"there are at least two tasks and subnets in at least two zones. A single task, or tasks in a " +
			"single zone, go down with that zone, and the service is unavailable until ECS starts new ones.",
		Remediation: "Run desired_count >= 2 (or an autoscaling min_capacity >= 2) and give " +
			"network_configuration subnets in at least two Availability Zones.",
		Example: `resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.api.arn
  desired_count   = 3
  network_configuration {
    subnets         = module.vpc.private_subnets
    security_groups = [aws_security_group.api.id]
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if s, _ := r.Attr("scheduling_strategy").Str(); s == "DAEMON" {
			return check.Skip // one task per container instance: judged on the instances
		}
		count := r.Attr("desired_count")
		countEv := ev(p, r, "desired_count")
		n, countKnown := count.Number()
		if count.Null() {
			n, countKnown = 0, true
			countEv.Value += " (unset: defaults to 0)"
		}
		// Application Auto Scaling keeps the count at or above min_capacity.
		for _, t := range ecsScalableTargets(p, r) {
			if m, ok := t.Attr("min_capacity").Number(); ok && m > n {
				n, countKnown = m, true
				countEv = evText("min_capacity", "%g (%s)", m, t.Address)
			}
		}
		if countKnown && n < 2 {
			return fail(fmt.Sprintf("the service runs %g task(s): a single task cannot survive the loss of its Availability Zone", n), countEv)
		}
		nc := r.Attr("network_configuration")
		if !nc.Unknown && len(nc.List()) == 0 {
			return unknown("the tasks run on the cluster's container instances, whose Availability Zones the service does not set", countEv, ev(p, r, "network_configuration"))
		}
		spread := subnetSpread(p, r, "network_configuration[0].subnets")
		f := spread.finding("the service's subnets")
		f.Evidence = append([]check.Evidence{countEv}, f.Evidence...)
		if f.Status == check.StatusPass && !countKnown {
			return unknown("desired_count is known only after apply", f.Evidence...)
		}
		return f
	},
}
