package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// dashboardTypes are the dashboard resources of the clouds and monitoring
// services the catalogue knows.
var dashboardTypes = []string{
	"aws_cloudwatch_dashboard", "google_monitoring_dashboard", "azurerm_portal_dashboard",
	"azurerm_dashboard_grafana", "grafana_dashboard", "datadog_dashboard", "datadog_dashboard_json",
	"newrelic_one_dashboard", "newrelic_one_dashboard_json", "signalfx_dashboard",
}

// MonitoringDashboard requires a dashboard in plans that run something to
// watch.
var MonitoringDashboard = check.Check{
	Meta: check.Meta{
		ID:            "monitoring_dashboard",
		Title:         "A dashboard shows the workload's metrics",
		Section:       "alerts_metrics",
		Category:      "dashboard",
		Severity:      check.SeverityMedium,
		ResourceTypes: typeSet(dashboardTypes, workloadTypes),
		Description: "During an incident the on-call engineer needs one place that shows request rates, errors, " +
			"latency and saturation of the service's compute and data, in real time, without composing " +
			"queries. The check applies to plans that hold compute or data resources and passes when the plan " +
			"also manages a dashboard (CloudWatch, Google Cloud Monitoring, Azure portal or Managed Grafana, " +
			"Grafana, Datadog, New Relic, Splunk Observability). It does not read the dashboard's widgets.",
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
		if dashboards := p.OfType(dashboardTypes...); len(dashboards) > 0 {
			return []check.Finding{pass("the plan manages a dashboard beside its workloads",
				evText("dashboards", "%s", addresses(dashboards)))}
		}
		return []check.Finding{fail("the plan runs compute or data resources but manages no dashboard for them",
			evText("dashboards", "none among %d compute/data resource(s), e.g. %s", len(workloads), workloads[0].Address))}
	},
}
