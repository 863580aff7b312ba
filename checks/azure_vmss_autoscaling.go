package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AzureVMSSAutoscaling requires scale sets to have an autoscale setting.
var AzureVMSSAutoscaling = check.Check{
	Meta: check.Meta{
		ID:            "azure_vmss_autoscaling",
		Title:         "Virtual machine scale set autoscales",
		Section:       "deployment",
		Category:      "autoscaling",
		Severity:      check.SeverityMedium,
		Cloud:         "azure",
		ResourceTypes: azureVMSSTypes,
		Description: "A scale set keeps its instance count fixed unless an autoscale setting targets it: a spike " +
			"saturates the instances it has, and quiet hours pay for idle ones. An enabled " +
			"azurerm_monitor_autoscale_setting with a profile whose maximum exceeds its minimum resizes it.",
		Remediation: "Add an azurerm_monitor_autoscale_setting with target_resource_id set to the scale set's id, " +
			"a profile with capacity minimum < maximum, and scale-out and scale-in rules.",
		Example: `resource "azurerm_monitor_autoscale_setting" "web" {
  name                = "web"
  resource_group_name = azurerm_resource_group.main.name
  location            = azurerm_resource_group.main.location
  target_resource_id  = azurerm_linux_virtual_machine_scale_set.web.id
  profile {
    name = "default"
    capacity {
      default = 3
      minimum = 3
      maximum = 12
    }
    # rule { ... }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		settings := azureAutoscaleSettings(p, r)
		if len(settings) == 0 {
			return fail("no autoscale setting in this plan targets the scale set: its size is fixed", ev(p, r, "instances"))
		}
		var undecided []check.Evidence
		for _, as := range settings {
			link := evText("autoscale setting", "%s.target_resource_id refers to this scale set", as.Address)
			if on, ok := as.Attr("enabled").Bool(); ok && !on {
				return fail("the autoscale setting that targets the scale set is disabled", link, ev(p, as, "enabled"))
			}
			for i := range as.Attr("profile").List() {
				lo := as.Attr("profile", i, "capacity", 0, "minimum")
				hi := as.Attr("profile", i, "capacity", 0, "maximum")
				min, okLo := lo.Number()
				max, okHi := hi.Number()
				e := []check.Evidence{link, ev(p, as, "profile", i, "capacity", 0, "minimum"), ev(p, as, "profile", i, "capacity", 0, "maximum")}
				switch {
				case !okLo || !okHi:
					undecided = e
				case max > min:
					return pass(fmt.Sprintf("an autoscale setting resizes the scale set between %g and %g instances", min, max), e...)
				}
			}
			if as.Attr("profile").Unknown {
				undecided = []check.Evidence{link, ev(p, as, "profile")}
			}
		}
		if undecided != nil {
			return unknown("the autoscale capacity is known only after apply", undecided...)
		}
		return fail("the autoscale setting's capacity leaves no room to grow",
			evText("autoscale setting", "%s targets this scale set with minimum = maximum", settings[0].Address))
	},
}
