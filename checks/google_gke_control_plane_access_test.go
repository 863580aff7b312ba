package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestGoogleGKEControlPlaneAccess(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, GoogleGKEControlPlaneAccess, "testdata/google_gke/plan.json", checktest.Want{
		Pass:    []string{"google_container_cluster.prod"},
		Fail:    []string{"google_container_cluster.dev", `module.platform["blue"].google_container_cluster.this[0]`},
		Unknown: []string{"google_container_cluster.sandbox"},
	})
}
