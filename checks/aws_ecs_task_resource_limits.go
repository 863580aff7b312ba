package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSECSTaskResourceLimits requires ECS task definitions to size CPU and
// memory, for the task or for every container.
var AWSECSTaskResourceLimits = check.Check{
	Meta: check.Meta{
		ID:            "aws_ecs_task_resource_limits",
		Title:         "ECS task definition sets CPU and memory",
		Section:       "deployment",
		Category:      "resource_limits",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_ecs_task_definition"},
		Description: "Without a memory limit a container can take all the memory of its instance and get " +
			"other tasks killed; without CPU a task is placed with no reservation and starves under load. " +
			"Task-level cpu and memory (required on Fargate) or cpu and memory on every container make " +
			"placement predictable and cap what one task can take.",
		Remediation: "Set cpu and memory on the task definition, or cpu and memory (the hard limit, not only " +
			"memoryReservation) on each container definition.",
		Example: `resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = "1024"
  container_definitions    = jsonencode([{ name = "api", image = "example/api:2.0.1", essential = true }])
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		cpu, mem := r.Attr("cpu"), r.Attr("memory")
		e := []check.Evidence{ev(p, r, "cpu"), ev(p, r, "memory")}
		taskCPU, taskMem := taskSizeSet(cpu), taskSizeSet(mem)
		if taskCPU && taskMem {
			return pass("the task reserves and is limited to its cpu and memory", e...)
		}
		if cpu.Unknown || mem.Unknown {
			return unknown("the task's cpu or memory is known only after apply", e...)
		}
		defs, known, cEv := containers(p, r)
		e = append(e, cEv)
		if !known {
			return unknown("the container definitions are known only after apply", e...)
		}
		var missing []string
		for _, d := range defs {
			name, _ := d["name"].(string)
			if !taskCPU && !containerSizeSet(d["cpu"]) {
				missing = append(missing, name+": cpu")
			}
			if !taskMem && !containerSizeSet(d["memory"]) {
				missing = append(missing, name+": memory")
			}
		}
		if len(defs) == 0 || len(missing) > 0 {
			return fail(fmt.Sprintf("CPU or memory is not limited (%s)", strings.Join(missing, ", ")), e...)
		}
		return pass("every container sets its cpu and memory", e...)
	},
}

// taskSizeSet reports a known attribute holding a number above zero (or a
// string such as "512").
func taskSizeSet(a model.Attr) bool {
	n, ok := a.Number()
	return ok && n > 0
}

func containerSizeSet(v any) bool {
	n, ok := v.(float64)
	return ok && n > 0
}
