package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAzureMSSQLGeoBackup(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AzureMSSQLGeoBackup, "testdata/azure_mssql/plan.json", checktest.Want{
		Pass:    []string{"azurerm_mssql_database.orders", "azurerm_mssql_database.pooled[0]"},
		Fail:    []string{"azurerm_mssql_database.reports", "azurerm_mssql_database.warehouse", `module.tenant["a"].azurerm_mssql_database.this`},
		Unknown: []string{"azurerm_mssql_database.analytics"},
	})
}
