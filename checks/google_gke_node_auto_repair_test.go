package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestGoogleGKENodeAutoRepair(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, GoogleGKENodeAutoRepair, "testdata/google_gke/plan.json", checktest.Want{
		Pass:    []string{"google_container_node_pool.prod_default", `module.platform["blue"].google_container_node_pool.pool["batch"]`, `module.platform["blue"].google_container_node_pool.pool["web"]`},
		Fail:    []string{"google_container_node_pool.dev_fixed"},
		Unknown: []string{"google_container_node_pool.sandbox"},
	})
}
