package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestGoogleSQLPublicAccess(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, GoogleSQLPublicAccess, "testdata/google_sql/plan.json", checktest.Want{
		Pass: []string{"google_sql_database_instance.orders", "google_sql_database_instance.orders_replica", `module.tenant["eu"].google_sql_database_instance.db[0]`, `module.tenant["us"].google_sql_database_instance.db[0]`},
		Fail: []string{"google_sql_database_instance.reports"},
		// scratch[0]'s ip_configuration is known only after apply and missing
		// from the plan's configuration: unset it would pass, but it may be
		// a dynamic block.
		Unknown: []string{"google_sql_database_instance.analytics", "google_sql_database_instance.scratch[0]"},
	})
}
