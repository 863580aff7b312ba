package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestMonitoringDashboard(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"dashboard beside the workloads": {fixture: "testdata/aws_logging/plan.json", want: checktest.Want{Pass: []string{""}}},
		"workloads without a dashboard":  {fixture: "testdata/aws_alarms/plan.json", want: checktest.Want{Fail: []string{""}}},
		"nothing to watch":               {fixture: "testdata/plan_destructive/nothing/plan.json", want: checktest.Want{}},
		"a Grafana dashboard":            {fixture: "testdata/alerting_grafana_rds/plan.json", want: checktest.Want{Pass: []string{""}}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, MonitoringDashboard, tc.fixture, tc.want)
		})
	}
}
