package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestGoogleSQLHighAvailability(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, GoogleSQLHighAvailability, "testdata/google_sql/plan.json", checktest.Want{
		Pass:    []string{"google_sql_database_instance.orders", `module.tenant["eu"].google_sql_database_instance.db[0]`},
		Fail:    []string{"google_sql_database_instance.orders_replica", "google_sql_database_instance.reports", "google_sql_database_instance.scratch[0]", `module.tenant["us"].google_sql_database_instance.db[0]`},
		Unknown: []string{"google_sql_database_instance.analytics"},
	})
}
