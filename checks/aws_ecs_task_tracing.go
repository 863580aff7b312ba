package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSECSTaskTracing asks the task definitions that ECS services run to ship
// traces: a tracing sidecar, or containers pointed at a collector.
var AWSECSTaskTracing = check.Check{
	Meta: check.Meta{
		ID:            "aws_ecs_task_tracing",
		Title:         "ECS service tasks ship traces to a collector",
		Section:       "observability",
		Category:      "tracing",
		Severity:      check.SeverityLow,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_ecs_task_definition"},
		Description: "Without distributed tracing, a slow or failing request through several services is " +
			"guesswork. On ECS, traces leave a task through a sidecar (the X-Ray daemon, the AWS Distro for " +
			"OpenTelemetry or OpenTelemetry collector, the Datadog agent, Jaeger or Grafana agents) or through " +
			"an exporter setting that names a collector elsewhere (OTEL_EXPORTER_OTLP_ENDPOINT, " +
			"AWS_XRAY_DAEMON_ADDRESS, DD_AGENT_HOST, DD_TRACE_AGENT_URL). The check reads the container " +
			"definitions of the task definitions that an ECS service in the plan runs; one-off and scheduled " +
			"tasks are left alone.",
		Remediation: "Add an aws-otel-collector (or xray-daemon) container to the task definition and point " +
			"the application's tracer at it, or set OTEL_EXPORTER_OTLP_ENDPOINT to a shared collector.",
		Example: `resource "aws_ecs_task_definition" "api" {
  family = "api"
  container_definitions = jsonencode([
    { name = "api", image = "example/api:2.0.1", essential = true },
    { name = "otel", image = "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0", essential = false },
  ])
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if !ecsServiceTaskDefs(p)[r] {
			return check.Skip
		}
		defs, known, e := containers(p, r)
		if !known {
			if r.Attr("container_definitions").Unknown {
				return unknown("the container definitions are known only after apply", e)
			}
			return unknown("the container definitions could not be read", e)
		}
		for _, d := range defs {
			if how := tracingContainer(d); how != "" {
				return pass("the task ships traces: "+how, e)
			}
		}
		return fail("no container of the task runs a tracing agent or exports traces to a collector", e)
	},
}

// tracingImages are name and image fragments of tracing agents.
var tracingImages = []string{
	"aws-xray-daemon", "xray-daemon", "aws-otel-collector", "opentelemetry-collector", "otel-collector",
	"otelcol", "datadog/agent", "datadog-agent", "jaegertracing/jaeger-agent", "jaeger-agent",
	"grafana/agent", "grafana/alloy", "newrelic/infrastructure", "splunk-otel-collector",
}

// tracingEnv are settings that export traces to a collector outside the task.
var tracingEnv = []string{
	"OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "AWS_XRAY_DAEMON_ADDRESS",
	"DD_AGENT_HOST", "DD_TRACE_AGENT_URL",
}

// tracingContainer says how a container definition ships traces, or "".
func tracingContainer(d map[string]any) string {
	name, _ := d["name"].(string)
	image, _ := d["image"].(string)
	for _, t := range tracingImages {
		if strings.Contains(strings.ToLower(image), t) || strings.Contains(strings.ToLower(name), t) {
			return fmt.Sprintf("container %q runs %s", name, image)
		}
	}
	for _, list := range []string{"environment", "secrets"} {
		env, _ := d[list].([]any)
		for _, e := range env {
			kv, _ := e.(map[string]any)
			if k, _ := kv["name"].(string); slices.Contains(tracingEnv, k) {
				return fmt.Sprintf("container %q sets %s", name, k)
			}
		}
	}
	return ""
}

type ecsServiceTaskDefsKey struct{}

// ecsServiceTaskDefs returns the task definitions the plan's ECS services
// run, found once per plan.
func ecsServiceTaskDefs(p *model.Plan) map[*model.Resource]bool {
	return p.Memo(ecsServiceTaskDefsKey{}, func() any {
		out := map[*model.Resource]bool{}
		for _, svc := range p.OfType("aws_ecs_service") {
			if td := taskDefinitionOf(p, svc); td != nil {
				out[td] = true
			}
		}
		return out
	}).(map[*model.Resource]bool)
}
