package checks

import (
	"slices"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSEKSLogShipping requires the pods of an EKS cluster to have their logs
// shipped off the nodes.
var AWSEKSLogShipping = check.Check{
	Meta: check.Meta{
		ID:            "aws_eks_log_shipping",
		Title:         "EKS cluster ships container logs off its nodes",
		Section:       "observability",
		Category:      "logging",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_eks_cluster"},
		Description: "A pod's stdout lives on its node only until the pod is rescheduled or the node is " +
			"replaced: without a log shipper, the logs of a crashed or scaled-in pod are gone when someone " +
			"looks for them. The control-plane logs (aws_eks_control_plane_logs) do not include them. A " +
			"cluster's logs are shipped when the plan installs the amazon-cloudwatch-observability add-on " +
			"(Fluent Bit to CloudWatch Logs), a Helm release of a shipper (aws-for-fluent-bit, fluent-bit, " +
			"fluentd, vector, promtail, loki-stack, filebeat, the logging and fluent operators, " +
			"splunk-otel-collector; datadog with datadog.logs.enabled, nri-bundle with " +
			"newrelic-logging.enabled, opentelemetry-collector with presets.logsCollection.enabled; alloy, " +
			"grafana-agent or k8s-monitoring configured to write to Loki), or, on Fargate, the aws-logging " +
			"ConfigMap in the aws-observability namespace. The helm provider's cluster is not visible in a " +
			"plan, so a release anywhere in the plan counts for each of its clusters. A plan that deploys no " +
			"application workload into the cluster is unknown, not failed: its shipper may come with the " +
			"workloads from another configuration.",
		Remediation: "Install the amazon-cloudwatch-observability EKS add-on (aws_eks_addon), or a log " +
			"shipper such as aws-for-fluent-bit with a helm_release, and give its log groups a retention.",
		Example: `resource "aws_eks_addon" "observability" {
  cluster_name = aws_eks_cluster.main.name
  addon_name   = "amazon-cloudwatch-observability"
}`,
	},
	Resource: func(p *model.Plan, c *model.Resource) check.Finding {
		var s eksSurvey
		eksAddons(p, c, &s, "amazon-cloudwatch-observability")
		eksCharts(p, &s, eksLogShippers)
		eksLokiAgents(p, &s)
		eksFargateLogging(p, &s)
		return s.verdict(p, c, "the cluster's container logs are shipped by %s",
			"no log shipper runs in the cluster: the logs of its pods stay on their nodes and are lost with them",
			"log shipper")
	},
}

// eksLogShippers are the charts that ship container logs, with the value
// that must be true when the chart does other things by default.
var eksLogShippers = map[string]helmCondition{
	"aws-for-fluent-bit": {}, "fluent-bit": {}, "fluentd": {}, "fluentd-elasticsearch": {},
	"vector": {}, "vector-agent": {}, "promtail": {}, "loki-stack": {}, "filebeat": {},
	"logging-operator": {}, "fluent-operator": {}, "splunk-otel-collector": {},
	"splunk-connect-for-kubernetes": {}, "sumologic": {},
	"datadog":                 {key: "datadog.logs.enabled"},
	"nri-bundle":              {key: "newrelic-logging.enabled"},
	"opentelemetry-collector": {key: "presets.logsCollection.enabled"},
}

// eksLokiCharts are agents whose configuration decides what they collect:
// they ship logs when it writes to Loki.
var eksLokiCharts = []string{"alloy", "grafana-agent", "k8s-monitoring"}

// eksLokiAgents adds to s the Grafana agents whose values write to Loki.
func eksLokiAgents(p *model.Plan, s *eksSurvey) {
	for _, h := range p.OfType("helm_release") {
		chart := helmChartName(h)
		if !slices.Contains(eksLokiCharts, chart) {
			continue
		}
		t := eksTool{r: h, what: h.Address + " (chart " + chart + ")", e: evAt(p, h, "chart")}
		loki, why := helmValuesMention(h, "loki")
		if loki {
			t.what += " writing to Loki"
		}
		s.add(t, loki, why)
	}
}

// eksFargateLogging adds to s the aws-logging ConfigMap that turns on the
// Fargate log router.
func eksFargateLogging(p *model.Plan, s *eksSurvey) {
	for _, m := range p.OfType("kubernetes_config_map", "kubernetes_config_map_v1") {
		name, _ := m.Attr("metadata", 0, "name").Str()
		ns, _ := m.Attr("metadata", 0, "namespace").Str()
		if name == "aws-logging" && ns == "aws-observability" {
			s.add(eksTool{r: m, what: m.Address + " (the Fargate log router's aws-logging ConfigMap)",
				e: evAt(p, m, "metadata", 0, "name")}, true, "")
		}
	}
}
