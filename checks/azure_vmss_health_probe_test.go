package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAzureVMSSHealthProbe(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AzureVMSSHealthProbe, "testdata/azure_vmss/plan.json", checktest.Want{
		Pass:    []string{"azurerm_linux_virtual_machine_scale_set.web", "azurerm_windows_virtual_machine_scale_set.legacy", `module.pool["gpu"].azurerm_linux_virtual_machine_scale_set.this[0]`},
		Fail:    []string{"azurerm_linux_virtual_machine_scale_set.batch"},
		Unknown: []string{"azurerm_orchestrated_virtual_machine_scale_set.flex"},
	})
}
