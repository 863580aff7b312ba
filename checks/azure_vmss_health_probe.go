package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AzureVMSSHealthProbe requires scale sets to know which instances are
// healthy: a load balancer probe or the Application Health extension.
var AzureVMSSHealthProbe = check.Check{
	Meta: check.Meta{
		ID:            "azure_vmss_health_probe",
		Title:         "Virtual machine scale set monitors instance health",
		Section:       "deployment",
		Category:      "health_check",
		Severity:      check.SeverityHigh,
		Cloud:         "azure",
		ResourceTypes: azureVMSSTypes,
		Description: "A scale set judges its instances by a load balancer health probe (health_probe_id) or by the " +
			"Application Health extension. Without either, an instance whose application has died counts as " +
			"healthy: rolling upgrades go ahead over it and automatic repairs cannot be enabled.",
		Remediation: "Set health_probe_id to an azurerm_lb_probe of the application, or add the " +
			"ApplicationHealthLinux / ApplicationHealthWindows extension.",
		Example: `resource "azurerm_linux_virtual_machine_scale_set" "web" {
  # ...
  health_probe_id = azurerm_lb_probe.web.id
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		// An orchestrated scale set has no health_probe_id in any provider
		// version: only the extension tells it.
		var probe model.Attr
		var probeEv []check.Evidence
		if r.Type != "azurerm_orchestrated_virtual_machine_scale_set" {
			probe = r.Attr("health_probe_id")
			eProbe := ev(p, r, "health_probe_id")
			refs := r.ExprRefs("health_probe_id")
			if (probe.Unknown && len(refs) > 0) || (!probe.Unknown && !probe.Null()) {
				if probe.Unknown {
					eProbe = evText("health_probe_id", "(known after apply) refers to %s", refs[0])
				}
				return pass("a load balancer probe tells the scale set which instances are healthy", eProbe)
			}
			probeEv = []check.Evidence{eProbe}
		}
		e, found, undecided := vmssHealthExtension(p, r)
		switch {
		case found:
			return pass("the Application Health extension reports each instance's health", e)
		case undecided:
			return unknown("an extension's type is known only after apply", append(probeEv, e)...)
		}
		ext := r.Attr("extension")
		switch {
		case probe.Unknown:
			return unknown("health_probe_id is known only after apply", probeEv...)
		case ext.Unknown && !isUnsetComputedBlock(r, "extension"):
			return unknown("the scale set's extensions are known only after apply", append(probeEv, ev(p, r, "extension"))...)
		}
		eExt := ev(p, r, "extension")
		if ext.Unknown {
			eExt.Value = "(not set in configuration: no extension)"
			if _, assumed := unsetComputedBlock(r, "extension"); assumed {
				eExt = assumeUnset(eExt, "extension")
			}
		}
		return fail("nothing tells the scale set whether its instances' application is healthy", append(probeEv, eExt)...)
	},
}

// vmssHealthExtension finds an Application Health extension on a scale set:
// an extension block, or an azurerm_virtual_machine_scale_set_extension that
// refers to it.
// undecided is true when an extension's type is known only after apply.
func vmssHealthExtension(p *model.Plan, r *model.Resource) (e check.Evidence, found, undecided bool) {
	for i := range r.Attr("extension").List() {
		t := r.Attr("extension", i, "type")
		if s, _ := t.Str(); strings.HasPrefix(s, "ApplicationHealth") {
			return ev(p, r, "extension", i, "type"), true, false
		}
		if t.Unknown {
			e, undecided = ev(p, r, "extension", i, "type"), true
		}
	}
	for _, x := range vmssExtensions.to(p, r) {
		t := x.Attr("type")
		if s, _ := t.Str(); strings.HasPrefix(s, "ApplicationHealth") || t.Unknown {
			e = evAt(p, x, "type")
			if !t.Unknown {
				return e, true, false
			}
			undecided = true
		}
	}
	return e, false, undecided
}

// vmssExtensions finds the extensions whose virtual_machine_scale_set_id
// refers to a scale set.
var vmssExtensions = &backLink{types: []string{"azurerm_virtual_machine_scale_set_extension"}, attr: "virtual_machine_scale_set_id"}
