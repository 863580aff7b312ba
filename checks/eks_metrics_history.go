package checks

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// EKSMetricsHistory requires the node and pod metrics of an EKS cluster to
// be collected and kept.
var EKSMetricsHistory = check.Check{
	Meta: check.Meta{
		ID:            "eks_metrics_history",
		Title:         "EKS cluster keeps a history of node and pod metrics",
		Section:       "alerts_metrics",
		Category:      "metrics_history",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_eks_cluster"},
		Description: "AWS keeps the metrics of its managed services, but not those of the pods and nodes of an " +
			"EKS cluster: without a collector there is no record of yesterday's memory or CPU to size limits " +
			"or explain an incident. The history exists when the plan installs the " +
			"amazon-cloudwatch-observability add-on (Container Insights), an aws_prometheus_scraper that " +
			"scrapes the cluster into Amazon Managed Service for Prometheus, a Helm release of an agent that " +
			"sends metrics to a managed backend (datadog, nri-bundle, k8s-monitoring, splunk-otel-collector; " +
			"alloy or grafana-agent with a Prometheus remote write), or a self-hosted Prometheus " +
			"(kube-prometheus-stack, prometheus) that writes remotely or keeps at least 7 days on a persistent " +
			"volume: kube-prometheus-stack keeps 10 days in an emptyDir by default, lost with its pod. A release " +
			"anywhere in the plan counts for each of its clusters. A plan that deploys no application workload " +
			"into the cluster and installs no collector is unknown, not failed.",
		Remediation: "Install the amazon-cloudwatch-observability add-on, or an aws_prometheus_scraper for the " +
			"cluster, or give kube-prometheus-stack a prometheus.prometheusSpec.storageSpec and a retention of " +
			"7 days or more.",
		Example: `resource "aws_prometheus_workspace" "metrics" {
  alias = "main"
}

resource "aws_prometheus_scraper" "main" {
  source {
    eks {
      cluster_arn = aws_eks_cluster.main.arn
      subnet_ids  = aws_eks_cluster.main.vpc_config[0].subnet_ids
    }
  }
  destination {
    amp {
      workspace_arn = aws_prometheus_workspace.metrics.arn
    }
  }
  scrape_configuration = file("scraper.yaml")
}`,
	},
	Resource: func(p *model.Plan, c *model.Resource) check.Finding {
		var s eksSurvey
		eksAddons(p, c, &s, "amazon-cloudwatch-observability")
		eksScrapers(p, c, &s)
		eksCharts(p, &s, eksMetricsCollectors)
		eksRemoteWriteAgents(p, &s)
		failed := eksPrometheusReleases(p, &s)
		if len(s.found) == 0 && len(failed) > 0 {
			return failed[0]
		}
		return s.verdict(p, c, "the cluster's metrics are collected and kept by %s",
			"nothing collects the cluster's node and pod metrics: there is no history to look back on",
			"metrics collector")
	},
}

// eksMetricsCollectors are charts that send cluster metrics to a managed
// backend that keeps them.
var eksMetricsCollectors = map[string]helmCondition{
	"datadog": {}, "nri-bundle": {}, "k8s-monitoring": {}, "splunk-otel-collector": {},
	"aws-cloudwatch-metrics": {},
}

// eksPrometheusCharts are self-hosted Prometheus charts, with the value
// paths of their retention, persistent storage and remote write.
var eksPrometheusCharts = map[string]struct {
	retention, dfltRetention, storage, remoteWrite string
	storageByDefault                               bool
}{
	"kube-prometheus-stack": {"prometheus.prometheusSpec.retention", "10d", "prometheus.prometheusSpec.storageSpec",
		"prometheus.prometheusSpec.remoteWrite", false},
	"prometheus": {"server.retention", "15d", "server.persistentVolume.enabled", "server.remoteWrite", true},
}

// eksMinRetention is the shortest metrics history that counts.
const eksMinRetention = 7 * 24 * time.Hour

// eksScrapers adds to s the managed Prometheus scrapers of cluster c.
func eksScrapers(p *model.Plan, c *model.Resource, s *eksSurvey) {
	arnPath := []model.Step{"source", 0, "eks", 0, "cluster_arn"}
	for _, sc := range p.OfType("aws_prometheus_scraper") {
		t := eksTool{r: sc, what: sc.Address + " (Amazon Managed Service for Prometheus)", e: evAt(p, sc, arnPath...)}
		if refersThrough(p, sc, c, "source") {
			s.add(t, true, "")
			continue
		}
		arn, arnKnown := sc.Attr(arnPath...).Str()
		own, ownKnown := c.Attr("arn").Str()
		switch {
		case arnKnown && ownKnown:
			s.add(t, arn == own, "")
		case sc.Attr("source").Null() || (arnKnown && !strings.Contains(arn, ":cluster/")):
			// a VPC source, or another cluster's ARN: not this cluster
		case len(p.OfType("aws_eks_cluster")) == 1:
			s.add(t, true, "")
		default:
			s.add(t, false, "its cluster_arn is known only after apply, and the plan holds several clusters")
		}
	}
}

// eksRemoteWriteAgents adds to s the Grafana agents whose configuration
// writes metrics to a remote Prometheus.
func eksRemoteWriteAgents(p *model.Plan, s *eksSurvey) {
	for _, h := range p.OfType("helm_release") {
		chart := helmChartName(h)
		if chart != "alloy" && chart != "grafana-agent" {
			continue
		}
		t := eksTool{r: h, what: h.Address + " (chart " + chart + ")", e: evAt(p, h, "chart")}
		found, why := helmValuesMention(h, "remote_write", "remoteWrite")
		if found {
			t.what += " with a Prometheus remote write"
		}
		s.add(t, found, why)
	}
}

// eksPrometheusReleases judges the self-hosted Prometheus releases: one
// that writes remotely, or keeps enough history on a persistent volume,
// is added to s as found; one that does not is returned as a failure.
func eksPrometheusReleases(p *model.Plan, s *eksSurvey) []check.Finding {
	var failed []check.Finding
	for _, h := range p.OfType("helm_release") {
		chart := helmChartName(h)
		spec, ok := eksPrometheusCharts[chart]
		if !ok {
			continue
		}
		t := eksTool{r: h, what: fmt.Sprintf("%s (chart %s)", h.Address, chart), e: evAt(p, h, "chart")}
		remote, why, e := helmKeyPresent(p, h, spec.remoteWrite)
		switch {
		case why != "":
			s.add(t, false, why)
			continue
		case remote:
			t.what += " with remote write"
			t.e = e
			s.add(t, true, "")
			continue
		}
		retention, retained, why, re := eksRetention(p, h, spec.retention, spec.dfltRetention)
		if why != "" {
			t.e = re
			s.add(t, false, why)
			continue
		}
		var stored bool
		var se check.Evidence
		if spec.storageByDefault {
			stored, why, se = helmFlag(p, h, spec.storage, true)
		} else {
			stored, why, se = helmKeyPresent(p, h, spec.storage)
			if why == "" && !stored {
				se.Value = "(not set: the chart keeps the data in an emptyDir)"
			}
		}
		switch {
		case why != "":
			t.e = se
			s.add(t, false, why)
		case !stored:
			f := fail(fmt.Sprintf("%s keeps its metrics without a persistent volume: the history is lost whenever the "+
				"Prometheus pod restarts or moves", t.what), evAt(p, h, "chart"), se)
			failed = append(failed, f)
		case retained < eksMinRetention:
			f := fail(fmt.Sprintf("%s keeps its metrics for %s only, less than 7 days", t.what, retention),
				evAt(p, h, "chart"), re)
			failed = append(failed, f)
		default:
			t.what += fmt.Sprintf(" keeping %s on a persistent volume", retention)
			s.found = append(s.found, eksTool{r: h, what: t.what, e: re})
		}
	}
	return failed
}

// eksRetention reads a Prometheus retention value of a release.
func eksRetention(p *model.Plan, h *model.Resource, key, dflt string) (string, time.Duration, string, check.Evidence) {
	raw, found, why, e := helmValue(p, h, key)
	v := fmt.Sprint(raw)
	switch {
	case why != "":
		return "", 0, why, e
	case !found:
		v = dflt
		e.Value = fmt.Sprintf("(not set: the chart defaults %s to %s)", key, dflt)
	}
	d, ok := promDuration(v)
	if !ok {
		return v, 0, fmt.Sprintf("its retention %q is not a Prometheus duration", v), e
	}
	return v, d, "", e
}

// helmKeyPresent reports whether a release's values give key a value:
// a non-empty mapping or list, or a scalar other than null and false.
func helmKeyPresent(p *model.Plan, h *model.Resource, key string) (present bool, why string, e check.Evidence) {
	v, found, why, e := helmValue(p, h, key)
	if why != "" || !found {
		return false, why, e
	}
	switch v := v.(type) {
	case nil:
		return false, "", e
	case map[string]any:
		return len(v) > 0, "", e
	case []any:
		return len(v) > 0, "", e
	case bool:
		return v, "", e
	}
	return true, "", e
}

// promDuration reads a Prometheus duration: 15d, 2w, 720h, 1y, 1d12h.
func promDuration(s string) (time.Duration, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	units := map[string]time.Duration{
		"y": 365 * 24 * time.Hour, "w": 7 * 24 * time.Hour, "d": 24 * time.Hour,
		"h": time.Hour, "m": time.Minute, "s": time.Second, "ms": time.Millisecond,
	}
	var total time.Duration
	for s != "" {
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 0 {
			return 0, false
		}
		n, err := strconv.Atoi(s[:i])
		if err != nil {
			return 0, false
		}
		s = s[i:]
		j := 0
		for j < len(s) && (s[j] < '0' || s[j] > '9') {
			j++
		}
		unit, ok := units[s[:j]]
		if !ok {
			return 0, false
		}
		total += time.Duration(n) * unit
		s = s[j:]
	}
	return total, true
}
