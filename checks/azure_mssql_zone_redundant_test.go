package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAzureMSSQLZoneRedundant(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AzureMSSQLZoneRedundant, "testdata/azure_mssql/plan.json", checktest.Want{
		Pass:    []string{"azurerm_mssql_database.orders", "azurerm_mssql_database.analytics"},
		Fail:    []string{"azurerm_mssql_database.reports", "azurerm_mssql_database.warehouse", "azurerm_mssql_elasticpool.shared"},
		Unknown: []string{`module.tenant["a"].azurerm_mssql_database.this`},
	})
}
