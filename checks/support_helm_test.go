package checks

import (
	"maps"
	"slices"
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// TestTelemetryChartsAreInfrastructure holds the charts the EKS checks look
// for (log shippers, trace and metrics collectors, Loki agents, Prometheus)
// to the one list of cluster add-ons: a release of any of them is never the
// team's application, for the workload checks as for the EKS checks.
func TestTelemetryChartsAreInfrastructure(t *testing.T) {
	t.Parallel()
	charts := slices.Concat(slices.Collect(maps.Keys(eksLogShippers)), slices.Collect(maps.Keys(eksTraceCollectors)),
		slices.Collect(maps.Keys(eksMetricsCollectors)), slices.Collect(maps.Keys(eksPrometheusCharts)), eksLokiCharts)
	slices.Sort(charts)
	for _, chart := range slices.Compact(charts) {
		t.Run(chart, func(t *testing.T) {
			t.Parallel()
			r := &model.Resource{Type: "helm_release", After: model.Object{{Name: "chart", Value: chart}}}
			if _, infra := helmInfrastructure(r); !infra {
				t.Errorf("chart %q is a telemetry chart of the EKS checks but not a cluster add-on (helmInfraCharts)", chart)
			}
		})
	}
}
