package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSEKSTracing requires an EKS cluster to have somewhere to send traces:
// a collector in the cluster, or workloads that export to one.
var AWSEKSTracing = check.Check{
	Meta: check.Meta{
		ID:            "aws_eks_tracing",
		Title:         "EKS cluster collects distributed traces",
		Section:       "observability",
		Category:      "tracing",
		Severity:      check.SeverityLow,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_eks_cluster"},
		Description: "Without distributed tracing, a slow or failing request that crosses several services " +
			"is guesswork. On EKS, traces leave the pods through a collector in the cluster: the adot or " +
			"amazon-cloudwatch-observability add-on (Application Signals), a Helm release of the OpenTelemetry " +
			"operator or collector, the AWS Distro for OpenTelemetry, the X-Ray daemon, Tempo, Jaeger, " +
			"splunk-otel-collector or the Datadog agent (APM over its socket is on by default), an " +
			"OpenTelemetry Instrumentation or OpenTelemetryCollector object, or through workloads that export " +
			"to a collector elsewhere (OTEL_EXPORTER_OTLP_ENDPOINT, AWS_XRAY_DAEMON_ADDRESS, DD_AGENT_HOST, " +
			"DD_TRACE_AGENT_URL in their environment or Helm values, or an instrumentation.opentelemetry.io " +
			"inject annotation). A release or object anywhere in the plan counts for each of its clusters. A " +
			"plan that deploys no application workload into the cluster is unknown, not failed. The check " +
			"shows tracing can be collected; that every service propagates context is attested.",
		Remediation: "Install the adot EKS add-on (or the OpenTelemetry operator with an Instrumentation " +
			"object) and point the services' OpenTelemetry SDKs at the collector.",
		Example: `resource "aws_eks_addon" "adot" {
  cluster_name = aws_eks_cluster.main.name
  addon_name   = "adot"
}`,
	},
	Resource: func(p *model.Plan, c *model.Resource) check.Finding {
		var s eksSurvey
		eksAddons(p, c, &s, "adot", "amazon-cloudwatch-observability")
		eksCharts(p, &s, eksTraceCollectors)
		eksManifests(p, &s, "Instrumentation", "OpenTelemetryCollector")
		eksTraceExporters(p, &s)
		return s.verdict(p, c, "traces from the cluster are collected: %s",
			"nothing in the cluster collects traces and no workload exports them to a collector",
			"trace collector")
	},
}

// eksTraceCollectors are the charts that collect or receive traces.
var eksTraceCollectors = map[string]helmCondition{
	"opentelemetry-operator": {}, "opentelemetry-collector": {}, "opentelemetry-kube-stack": {},
	"adot-exporter-for-eks-on-ec2": {}, "aws-otel-collector": {}, "aws-xray-daemon": {}, "xray-daemon": {},
	"tempo": {}, "tempo-distributed": {}, "jaeger": {}, "jaeger-operator": {}, "splunk-otel-collector": {},
	"datadog": {key: "datadog.apm.socketEnabled", dflt: true},
}

// eksInjectAnnotation is the prefix of the OpenTelemetry operator's
// auto-instrumentation annotations (inject-python, inject-java, ...).
const eksInjectAnnotation = "instrumentation.opentelemetry.io/inject-"

// eksTraceExporters adds to s the workloads whose containers export traces
// to a collector, or whose pods ask the OpenTelemetry operator for
// instrumentation.
func eksTraceExporters(p *model.Plan, s *eksSurvey) {
	for _, r := range eksAppWorkloads(p) {
		if r.Type == "helm_release" {
			t := eksTool{r: r, what: r.Address, e: evAt(p, r, "chart")}
			found, why := helmValuesMention(r, append(slices.Clone(tracingEnv), eksInjectAnnotation)...)
			if found {
				t.what += " (its values export traces or ask for instrumentation)"
			}
			s.add(t, found, why)
			continue
		}
		w, ok := k8sWorkloadOf(r)
		if !ok {
			w = k8sWorkload{r: r, kind: "Rollout", manifest: true}
		}
		if how, e := w.exportsTraces(p); how != "" {
			s.add(eksTool{r: r, what: fmt.Sprintf("%s (%s)", r.Address, how), e: e}, true, "")
		}
	}
}

// exportsTraces says how a workload's pod template exports traces, or "".
func (w k8sWorkload) exportsTraces(p *model.Plan) (string, check.Evidence) {
	annotations := subPath(k8sPodSpec[:4], "metadata", 0, "annotations")
	for _, f := range w.attr(annotations...).Object() {
		if v, _ := f.Value.(string); strings.HasPrefix(f.Name, eksInjectAnnotation) && v != "false" {
			return "annotation " + f.Name, w.ev(p, annotations...)
		}
	}
	containers := w.attr(subPath(k8sPodSpec, "container")...).List()
	for i := range containers {
		envPath := subPath(k8sPodSpec, "container", i, "env")
		for _, env := range w.attr(envPath...).List() {
			name, _ := fieldOf(env, "name").(string)
			if slices.Contains(tracingEnv, name) {
				return "its container " + w.containerName(i) + " sets " + name, w.ev(p, envPath...)
			}
		}
	}
	return "", check.Evidence{}
}
