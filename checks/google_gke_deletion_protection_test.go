package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestGoogleGKEDeletionProtection(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, GoogleGKEDeletionProtection, "testdata/google_gke/plan.json", checktest.Want{
		Pass:    []string{"google_container_cluster.prod", `module.platform["blue"].google_container_cluster.this[0]`},
		Fail:    []string{"google_container_cluster.dev"},
		Unknown: []string{"google_container_cluster.sandbox"},
	})
}
