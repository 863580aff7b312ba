package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AzureVMAvailability requires virtual machines to be spread over zones or
// placed in an availability set.
var AzureVMAvailability = check.Check{
	Meta: check.Meta{
		ID:            "azure_vm_availability",
		Title:         "Virtual machine is spread over zones or an availability set",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityMedium,
		Cloud:         "azure",
		ResourceTypes: []string{"azurerm_virtual_machine", "azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine"},
		Description: "A lone virtual machine fails with its host, rack or datacenter. Instances of one resource " +
			"block (count or for_each) placed in two or more availability zones survive a zone outage; an " +
			"availability set spreads them over fault domains of one datacenter (a weaker guarantee); a VM in a " +
			"flexible scale set is placed by the scale set.",
		Remediation: "Give the instances different zones (zone = each.value / zones = [..]) in a region with " +
			"availability zones, or at least an availability_set_id; better, use a scale set.",
		Example: `resource "azurerm_linux_virtual_machine" "app" {
  for_each = toset(["1", "2"])
  name     = "app-${each.key}"
  zone     = each.key
  size     = "Standard_D2s_v5"
  # ...
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		attr := "zone"
		if r.Type == "azurerm_virtual_machine" {
			attr = "zones"
		}
		list, undecided, uncounted := blockZones(p, r, attr, func(sib *model.Resource) ([]string, bool) {
			a := sib.Attr(attr)
			if a.Unknown {
				// Older providers compute zone when the configuration
				// leaves it out: no zone then. Never on an assumption.
				unset, assumed := unsetComputed(sib, attr)
				return nil, unset && !assumed
			}
			var zones []string
			for _, z := range append(a.Strings(), strAt(sib, attr)) {
				if z != "" {
					zones = append(zones, z)
				}
			}
			return zones, true
		})
		if undecided != nil {
			return unknown(fmt.Sprintf("%s is known only after apply", attr), ev(p, undecided, attr))
		}
		if len(list) > 0 {
			e := evText(attr, "%s (instances of this resource block: zones %s)", p.Show(r, r.Attr(attr)), strings.Join(list, ", "))
			if uncounted != nil {
				return countUnknown(uncounted, e)
			}
			if len(list) > 1 {
				return pass(fmt.Sprintf("the instances of this resource block span %d zones", len(list)), e)
			}
			return fail("every instance of this resource block is in one zone: a zone outage takes them all down", e)
		}
		eZone := ev(p, r, attr)
		if isUnsetComputed(r, attr) {
			eZone.Value = "(not set in configuration: no zone)"
		}
		placements := []string{"availability_set_id", "virtual_machine_scale_set_id"}
		if r.Type == "azurerm_virtual_machine" {
			placements = placements[:1] // the legacy VM joins no scale set
		}
		for _, other := range placements {
			a := r.Attr(other)
			switch {
			case a.Unknown && !isUnsetComputed(r, other):
				return unknown(other+" is known only after apply", eZone, ev(p, r, other))
			case !a.Null() && !a.Unknown:
				return pass("the VM is placed by its "+strings.TrimSuffix(strings.ReplaceAll(other, "_", " "), " id"), eZone, ev(p, r, other))
			}
		}
		return fail("the VM sits in no zone, availability set or scale set: a host or datacenter failure takes it down",
			eZone, ev(p, r, "availability_set_id"))
	},
}
