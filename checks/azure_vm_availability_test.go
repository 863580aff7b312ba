package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAzureVMAvailability(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AzureVMAvailability, "testdata/azure_vm/plan.json", checktest.Want{
		Pass:    []string{`azurerm_linux_virtual_machine.app["1"]`, `azurerm_linux_virtual_machine.app["2"]`, "azurerm_linux_virtual_machine.member", "azurerm_windows_virtual_machine.reporting"},
		Fail:    []string{"azurerm_linux_virtual_machine.single", "azurerm_windows_virtual_machine.jump"},
		Unknown: []string{"module.legacy.azurerm_virtual_machine.vm[0]", "module.legacy.azurerm_virtual_machine.vm[1]"},
	})
}
