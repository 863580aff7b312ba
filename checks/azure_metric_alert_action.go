package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AzureMetricAlertAction requires Azure Monitor alerts to be enabled and to
// notify an action group.
var AzureMetricAlertAction = check.Check{
	Meta: check.Meta{
		ID:            "azure_metric_alert_action",
		Title:         "Azure Monitor alert is enabled and notifies an action group",
		Section:       "alerts_metrics",
		Category:      "alarm",
		Severity:      check.SeverityHigh,
		Cloud:         "azure",
		ResourceTypes: []string{"azurerm_monitor_metric_alert", "azurerm_monitor_activity_log_alert"},
		Description: "An alert rule without an action fires into the portal where nobody is looking, and a " +
			"disabled one never fires: either way users find the outage first. Actions send the alert to an " +
			"action group (email, SMS, webhook, PagerDuty, ITSM).",
		Remediation: "Add an action block with action_group_id pointing at an azurerm_monitor_action_group that " +
			"reaches the on-call engineer, and keep enabled = true.",
		Example: `resource "azurerm_monitor_metric_alert" "cpu" {
  name                = "vmss-cpu"
  resource_group_name = azurerm_resource_group.main.name
  scopes              = [azurerm_linux_virtual_machine_scale_set.web.id]
  criteria {
    metric_namespace = "Microsoft.Compute/virtualMachineScaleSets"
    metric_name      = "Percentage CPU"
    aggregation      = "Average"
    operator         = "GreaterThan"
    threshold        = 85
  }
  action {
    action_group_id = azurerm_monitor_action_group.oncall.id
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		enabled, eOn, why := settle(p, r, true, "enabled")
		if on, ok := boolOf(enabled); why == "" && ok && !on {
			return fail("the alert rule is disabled", eOn)
		}
		actions := r.Attr("action")
		e := ev(p, r, "action")
		switch {
		case actions.Unknown:
			return unknown("the alert's actions are known only after apply", e)
		case len(actions.List()) == 0:
			return fail("the alert rule notifies nobody: it fires into the portal only", e)
		case why != "":
			return unknown(why, eOn, e)
		}
		return pass("the alert rule notifies an action group", ev(p, r, "action", 0, "action_group_id"))
	},
}
