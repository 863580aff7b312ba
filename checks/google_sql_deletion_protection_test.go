package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestGoogleSQLDeletionProtection(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, GoogleSQLDeletionProtection, "testdata/google_sql/plan.json", checktest.Want{
		Pass:    []string{"google_sql_database_instance.orders", "google_sql_database_instance.orders_replica", "google_sql_database_instance.scratch[0]", `module.tenant["eu"].google_sql_database_instance.db[0]`, `module.tenant["us"].google_sql_database_instance.db[0]`},
		Fail:    []string{"google_sql_database_instance.reports"},
		Unknown: []string{"google_sql_database_instance.analytics"},
	})
}
