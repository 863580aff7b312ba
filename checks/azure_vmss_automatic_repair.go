package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AzureVMSSAutomaticRepair requires scale sets to replace instances that
// their health signal reports unhealthy.
var AzureVMSSAutomaticRepair = check.Check{
	Meta: check.Meta{
		ID:            "azure_vmss_automatic_repair",
		Title:         "Virtual machine scale set repairs unhealthy instances",
		Section:       "deployment",
		Category:      "health_check",
		Severity:      check.SeverityHigh,
		Cloud:         "azure",
		ResourceTypes: azureVMSSTypes,
		Description: "Automatic instance repair deletes and recreates instances that the health probe or the " +
			"Application Health extension reports unhealthy. It is off unless configured, so a hung instance " +
			"keeps its slot until someone replaces it by hand.",
		Remediation: "Add automatic_instance_repair { enabled = true, grace_period = \"PT10M\" } together with " +
			"health_probe_id or the Application Health extension, which repairs need.",
		Example: `resource "azurerm_linux_virtual_machine_scale_set" "web" {
  # ...
  health_probe_id = azurerm_lb_probe.web.id
  automatic_instance_repair {
    enabled      = true
    grace_period = "PT10M"
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		v, e, why := settle(p, r, false, "automatic_instance_repair", 0, "enabled")
		if why != "" {
			return unknown(why, e)
		}
		if on, _ := boolOf(v); on {
			return pass("the scale set recreates instances reported unhealthy", e)
		}
		return fail("unhealthy instances are never replaced automatically", e)
	},
}
