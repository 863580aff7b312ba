package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAzureMetricAlertAction(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AzureMetricAlertAction, "testdata/azure_monitor/plan.json", checktest.Want{
		Pass:    []string{"azurerm_monitor_metric_alert.cpu", `module.alerts["web"].azurerm_monitor_metric_alert.this[0]`, "azurerm_monitor_activity_log_alert.service_health"},
		Fail:    []string{"azurerm_monitor_metric_alert.disk", "azurerm_monitor_metric_alert.paused"},
		Unknown: []string{"azurerm_monitor_metric_alert.routed"},
	})
}
