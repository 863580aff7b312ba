package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAzureNSGOpenPorts(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AzureNSGOpenPorts, "testdata/azure_nsg/plan.json", checktest.Want{
		Pass:    []string{"azurerm_network_security_group.web", "azurerm_network_security_group.internal", "azurerm_network_security_rule.shared_web", "azurerm_network_security_rule.office_ssh[0]"},
		Fail:    []string{"azurerm_network_security_group.admin", "azurerm_network_security_group.shared", "azurerm_network_security_rule.shared_db", `module.edge["eu"].azurerm_network_security_group.this`},
		Unknown: []string{"azurerm_network_security_group.app", "azurerm_network_security_rule.partner"},
	})
}
