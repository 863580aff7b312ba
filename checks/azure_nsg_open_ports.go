package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AzureNSGOpenPorts fails network security groups and rules that open admin
// or database ports to the internet.
var AzureNSGOpenPorts = check.Check{
	Meta: check.Meta{
		ID:            "azure_nsg_open_ports",
		Title:         "Network security rules keep admin and database ports off the internet",
		Section:       "security",
		Category:      "public_access",
		Severity:      check.SeverityCritical,
		Cloud:         "azure",
		ResourceTypes: []string{"azurerm_network_security_group", "azurerm_network_security_rule"},
		Description: "An inbound Allow rule from *, Internet or 0.0.0.0/0 to SSH, RDP, WinRM or a database port " +
			"exposes the service to the internet's constant scanning and brute-forcing. Web ports 80 and 443 are " +
			"expected to be open; other ports open to everyone are reported unknown, for a person to judge. A " +
			"security group is judged with its inline rules and the azurerm_network_security_rule resources that " +
			"refer to it.",
		Remediation: "Restrict source_address_prefix(es) to known ranges or a service tag such as VirtualNetwork, " +
			"and reach machines through Azure Bastion or a VPN instead of public SSH/RDP.",
		Example: `resource "azurerm_network_security_rule" "ssh" {
  name                        = "ssh-from-office"
  direction                   = "Inbound"
  access                      = "Allow"
  priority                    = 100
  protocol                    = "Tcp"
  source_address_prefix       = "203.0.113.0/24"
  source_port_range           = "*"
  destination_address_prefix  = "*"
  destination_port_range      = "22"
  resource_group_name         = azurerm_resource_group.main.name
  network_security_group_name = azurerm_network_security_group.main.name
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		var x nsgExposure
		if r.Type == "azurerm_network_security_rule" {
			name, _ := r.Attr("name").Str()
			x.add(name, func(f string) model.Attr { return r.Attr(f) })
			return x.finding()
		}
		rules := r.Attr("security_rule")
		var assumed bool
		if rules.Unknown {
			var unset bool
			if unset, assumed = unsetComputedBlock(r, "security_rule"); !unset {
				return unknown("the security rules are known only after apply", ev(p, r, "security_rule"))
			}
		}
		for i, rule := range rules.List() {
			name, _ := fieldOf(rule, "name").(string)
			x.add(name, func(f string) model.Attr { return r.Attr("security_rule", i, f) })
		}
		for _, rule := range nsgRuleResources(p, r) {
			name, _ := rule.Attr("name").Str()
			x.add(fmt.Sprintf("%s (%s)", name, rule.Address), func(f string) model.Attr { return rule.Attr(f) })
		}
		f := x.finding()
		if assumed {
			f.Evidence = append(f.Evidence, assumeUnset(ev(p, r, "security_rule"), "security_rule"))
		}
		return f
	},
}

// nsgRuleResources returns the azurerm_network_security_rule resources of a
// security group: by reference, or by its known name and resource group.
func nsgRuleResources(p *model.Plan, nsg *model.Resource) []*model.Resource {
	name, _ := nsg.Attr("name").Str()
	group, _ := nsg.Attr("resource_group_name").Str()
	var out []*model.Resource
	for _, rule := range nsgRules.to(p, nsg, name) {
		if slices.Contains(p.Refs(rule, "network_security_group_name"), nsg) {
			out = append(out, rule)
			continue
		}
		n, _ := rule.Attr("network_security_group_name").Str()
		g, _ := rule.Attr("resource_group_name").Str()
		if strings.EqualFold(n, name) && strings.EqualFold(g, group) {
			out = append(out, rule)
		}
	}
	return out
}

// nsgRules finds the security rules whose network_security_group_name refers
// to a security group or holds its known name, in any case.
var nsgRules = &backLink{types: []string{"azurerm_network_security_rule"}, attr: "network_security_group_name", fold: true}
