package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AzureVMSSZones requires scale sets to spread instances over availability
// zones.
var AzureVMSSZones = check.Check{
	Meta: check.Meta{
		ID:            "azure_vmss_zones",
		Title:         "Virtual machine scale set spans availability zones",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityHigh,
		Cloud:         "azure",
		ResourceTypes: azureVMSSTypes,
		Description: "A scale set without zones places its instances in one datacenter (spread only over fault " +
			"domains), and one pinned to a single zone fails with it: a zone outage then takes every instance " +
			"down. Zones can only be chosen when the scale set is created.",
		Remediation: "Set zones = [\"1\", \"2\", \"3\"] (and zone_balance = true to keep them even) in a region " +
			"with availability zones; this replaces an existing scale set.",
		Example: `resource "azurerm_linux_virtual_machine_scale_set" "web" {
  name         = "web"
  sku          = "Standard_D2s_v5"
  instances    = 3
  zones        = ["1", "2", "3"]
  zone_balance = true
  # ...
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		n, e, why := azureZoneCount(p, r, "zones")
		switch {
		case why != "":
			return unknown(why, e)
		case n > 1:
			return pass(fmt.Sprintf("the scale set spreads instances over %d zones", n), e)
		case n == 1:
			return fail("the scale set is pinned to one zone: a zone outage takes every instance down", e)
		}
		return fail("the scale set uses no availability zones: a datacenter outage takes every instance down", e)
	},
}
