package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSECSServiceHealthCheck requires an ECS service's tasks to be health
// checked: by a load balancer, or by a container health check.
var AWSECSServiceHealthCheck = check.Check{
	Meta: check.Meta{
		ID:            "aws_ecs_service_health_check",
		Title:         "ECS service tasks are health-checked",
		Section:       "deployment",
		Category:      "health_check",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_ecs_service"},
		Description: "ECS replaces a task when its essential container exits, when a container healthCheck " +
			"fails, or when the service's load balancer finds it unhealthy. A service with neither a load " +
			"balancer nor container health checks keeps a hung process running and serving errors.",
		Remediation: "Attach the service to a target group (load_balancer block, with a " +
			"health_check_grace_period_seconds that covers start-up), or give the task definition's " +
			"essential containers a healthCheck command.",
		Example: `resource "aws_ecs_task_definition" "worker" {
  family = "worker"
  container_definitions = jsonencode([{
    name      = "worker"
    image     = "example/worker:1.4.2"
    essential = true
    healthCheck = {
      command  = ["CMD-SHELL", "curl -f http://localhost:8080/healthz || exit 1"]
      interval = 15
      retries  = 3
    }
  }])
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		lb := r.Attr("load_balancer")
		if len(lb.List()) > 0 {
			return pass("the service's load balancer health-checks its tasks",
				ev(p, r, "load_balancer", 0, "target_group_arn"), ev(p, r, "health_check_grace_period_seconds"))
		}
		if lb.Unknown {
			return unknown("load_balancer is known only after apply", ev(p, r, "load_balancer"))
		}
		td := taskDefinitionOf(p, r)
		if td == nil {
			return unknown("the service has no load balancer, and its task definition is not in the plan", ev(p, r, "task_definition"))
		}
		defs, known, e := containers(p, td)
		e.Attribute = td.Address + "." + e.Attribute
		if !known {
			return unknown("the service has no load balancer, and its container definitions are known only after apply", e)
		}
		var checked []string
		for _, d := range defs {
			if hc, ok := d["healthCheck"].(map[string]any); ok && hc["command"] != nil {
				name, _ := d["name"].(string)
				checked = append(checked, name)
			}
		}
		if len(checked) == 0 {
			return fail("the service has no load balancer and no container healthCheck: hung tasks keep running", ev(p, r, "load_balancer"), e)
		}
		return pass(fmt.Sprintf("container health checks watch %s", strings.Join(checked, ", ")), e)
	},
}
