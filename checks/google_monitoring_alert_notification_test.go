package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestGoogleMonitoringAlertNotification(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, GoogleMonitoringAlertNotification, "testdata/google_monitoring/plan.json", checktest.Want{
		Pass:    []string{"google_monitoring_alert_policy.db_cpu", `module.alerts["api"].google_monitoring_alert_policy.this[0]`},
		Fail:    []string{"google_monitoring_alert_policy.latency", "google_monitoring_alert_policy.paused"},
		Unknown: []string{"google_monitoring_alert_policy.routed"},
	})
}
