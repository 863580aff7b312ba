package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/alerting"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// MonitoringDashboard requires a dashboard in plans that run something to
// watch.
var MonitoringDashboard = check.Check{
	Meta: check.Meta{
		ID:            "monitoring_dashboard",
		Title:         "A dashboard shows the workload's metrics",
		Section:       "alerts_metrics",
		Category:      "dashboard",
		Severity:      check.SeverityMedium,
		ResourceTypes: typeSet(alerting.DashboardTypes, alerting.DashboardSources, workloadTypes),
		Description: "During an incident the on-call engineer needs one place that shows request rates, errors, " +
			"latency and saturation of the service's compute and data, in real time, without composing " +
			"queries. The check applies to plans that hold compute or data resources and passes when the plan " +
			"also manages a dashboard: a dashboard resource (CloudWatch, Google Cloud Monitoring, Azure portal or " +
			"Managed Grafana, Grafana, Datadog, New Relic, Splunk Observability), a Kubernetes ConfigMap labelled " +
			"grafana_dashboard (the Grafana sidecar's convention), a GrafanaDashboard manifest (Grafana operator), " +
			"a kube-prometheus-stack release that keeps its Grafana and default dashboards (grafana.enabled and " +
			"grafana.defaultDashboardsEnabled, both true by default), a grafana chart with dashboards in its " +
			"values, or the EKS add-on of CloudWatch Container Insights. Chart values known only after apply make " +
			"the result unknown. It does not read the dashboard's widgets.",
		Remediation: "Add a dashboard resource beside the workload, with widgets for its request, error, " +
			"latency and saturation metrics; keep it in the same configuration so it follows the resources.",
		Example: `resource "aws_cloudwatch_dashboard" "orders" {
  dashboard_name = "orders"
  dashboard_body = jsonencode({
    widgets = [{
      type = "metric", width = 12, height = 6
      properties = {
        region  = "eu-west-1"
        title   = "API 5xx and latency"
        metrics = [["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", aws_lb.api.arn_suffix],
                   [".", "TargetResponseTime", ".", "."]]
      }
    }]
  })
}`,
	},
	Plan: func(p *model.Plan) []check.Finding {
		workloads := p.OfType(workloadTypes...)
		if len(workloads) == 0 {
			return nil
		}
		found, undecided := alerting.Dashboards(p)
		if len(found) > 0 {
			return []check.Finding{pass("the plan manages a dashboard beside its workloads",
				evText("dashboards", "%s", describeDashboards(found)))}
		}
		if len(undecided) > 0 {
			return []check.Finding{unknown("the plan may manage a dashboard, but the values that decide are known only after apply",
				evText("dashboards", "%s", describeDashboards(undecided)))}
		}
		return []check.Finding{fail("the plan runs compute or data resources but manages no dashboard for them",
			evText("dashboards", "none among %d compute/data resource(s), e.g. %s", len(workloads), workloads[0].Address))}
	},
}

// describeDashboards names dashboards for evidence: the address, and how
// a resource that is not a dashboard shows some.
func describeDashboards(ds []alerting.Dashboard) string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Resource.Address
		if d.What != d.Resource.Type {
			out[i] += " (" + d.What + ")"
		}
	}
	return strings.Join(out, ", ")
}
