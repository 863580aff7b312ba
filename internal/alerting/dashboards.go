package alerting

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/helmvalues"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// DashboardTypes are the dashboard resources of the clouds and monitoring
// services the package knows.
var DashboardTypes = []string{
	"aws_cloudwatch_dashboard", "google_monitoring_dashboard", "azurerm_portal_dashboard",
	"azurerm_dashboard_grafana", "grafana_dashboard", "datadog_dashboard", "datadog_dashboard_json",
	"newrelic_one_dashboard", "newrelic_one_dashboard_json", "newrelic_one_dashboard_raw", "signalfx_dashboard",
}

// DashboardSources are the other resource types that may carry
// dashboards: Kubernetes ConfigMaps for Grafana's sidecar, manifests of
// the Grafana operator, Helm releases of Grafana, and the EKS add-on of
// CloudWatch Container Insights.
var DashboardSources = []string{
	"kubernetes_config_map", "kubernetes_config_map_v1", "kubernetes_manifest", "helm_release", "aws_eks_addon",
}

// Dashboard is one dashboard, or one source of dashboards, in the plan.
type Dashboard struct {
	Resource *model.Resource
	// What says how it shows dashboards, for evidence.
	What string
}

// sidecarLabel is the label Grafana's dashboard sidecar selects
// ConfigMaps by (grafana.sidecar.dashboards.label in the grafana and
// kube-prometheus-stack charts).
const sidecarLabel = "grafana_dashboard"

// Dashboards finds the plan's dashboards; Undecided are the sources that
// may provide some (values known only after apply).
func Dashboards(p *model.Plan) (found, undecided []Dashboard) {
	for _, r := range p.OfType(DashboardTypes...) {
		found = append(found, Dashboard{r, r.Type})
	}
	for _, r := range p.OfType("kubernetes_config_map", "kubernetes_config_map_v1") {
		labels := r.Attr("metadata", 0, "labels")
		if _, ok := labels.Object().Get(sidecarLabel); ok {
			found = append(found, Dashboard{r, "ConfigMap labelled " + sidecarLabel + " (Grafana sidecar)"})
		} else if labels.Unknown || r.HasUnknown("metadata", 0, "labels") {
			undecided = append(undecided, Dashboard{r, "ConfigMap labels known only after apply"})
		}
	}
	for _, r := range p.OfType("kubernetes_manifest") {
		m := r.Attr("manifest").Value
		switch kind := str(get(m, "kind")); {
		case kind == "GrafanaDashboard":
			found = append(found, Dashboard{r, "GrafanaDashboard (Grafana operator)"})
		case kind == "ConfigMap" && getPath(m, "metadata", "labels", sidecarLabel) != nil:
			found = append(found, Dashboard{r, "ConfigMap labelled " + sidecarLabel + " (Grafana sidecar)"})
		}
	}
	for _, r := range p.OfType("helm_release") {
		chart := strings.ToLower(strAttr(r, "chart"))
		switch {
		case strings.Contains(chart, "kube-prometheus-stack"):
			// grafana.enabled and grafana.defaultDashboardsEnabled both
			// default to true: the chart installs Grafana with its
			// Kubernetes dashboards.
			v := helmvalues.OfRelease(r)
			on, known1 := v.Bool(true, "grafana", "enabled")
			dflt, known2 := v.Bool(true, "grafana", "defaultDashboardsEnabled")
			switch {
			case known1 && !on, known2 && !dflt:
			case known1 && known2:
				found = append(found, Dashboard{r, "kube-prometheus-stack with Grafana and its default dashboards"})
			default:
				undecided = append(undecided, Dashboard{r, "kube-prometheus-stack values known only after apply"})
			}
		case strings.HasSuffix(chart, "grafana"):
			res := helmvalues.OfRelease(r).Lookup("dashboards")
			if len(fields(res.Value)) > 0 {
				found = append(found, Dashboard{r, "grafana chart with dashboards in its values"})
			} else if res.Unknown {
				undecided = append(undecided, Dashboard{r, "grafana chart values known only after apply"})
			}
		}
	}
	for _, r := range p.OfType("aws_eks_addon") {
		if name, _ := r.Attr("addon_name").Str(); name == "amazon-cloudwatch-observability" {
			found = append(found, Dashboard{r, "CloudWatch Container Insights (its automatic dashboards)"})
		}
	}
	return found, undecided
}
