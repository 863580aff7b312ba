package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAzureVMAvailability(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"azurerm v3": {
			fixture: "testdata/azure_vm/plan.json",
			want: checktest.Want{
				Pass:    []string{`azurerm_linux_virtual_machine.app["1"]`, `azurerm_linux_virtual_machine.app["2"]`, "azurerm_linux_virtual_machine.member", "azurerm_windows_virtual_machine.reporting"},
				Fail:    []string{"azurerm_linux_virtual_machine.single", "azurerm_windows_virtual_machine.jump"},
				Unknown: []string{"module.legacy.azurerm_virtual_machine.vm[0]", "module.legacy.azurerm_virtual_machine.vm[1]"},
			},
		},
		// azurerm v2 computes zone when the configuration leaves it out:
		// known after apply, yet no zone.
		"azurerm v2, zone computed": {
			fixture: "testdata/azure_vm_v2/plan.json",
			want: checktest.Want{
				Pass: []string{
					"azurerm_windows_virtual_machine.in_set", // no zone, an availability set
					`azurerm_linux_virtual_machine.zonal["1"]`, `azurerm_linux_virtual_machine.zonal["2"]`,
				},
				Fail: []string{"azurerm_linux_virtual_machine.lone"},
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AzureVMAvailability, tc.fixture, tc.want)
		})
	}
}
