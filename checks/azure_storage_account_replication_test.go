package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAzureStorageAccountReplication(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"provider v4": {"testdata/azure_storage/plan.json", checktest.Want{
			Pass:    []string{"azurerm_storage_account.data", "azurerm_storage_account.legacy", `module.app["web"].azurerm_storage_account.this`},
			Fail:    []string{"azurerm_storage_account.logs"},
			Unknown: []string{"azurerm_storage_account.diag[0]"},
		}},
		"provider v3": {"testdata/azure_storage_v3/plan.json", checktest.Want{
			Pass:    nil,
			Fail:    []string{"azurerm_storage_account.old_style"},
			Unknown: nil,
		}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AzureStorageAccountReplication, tc.fixture, tc.want)
		})
	}
}
