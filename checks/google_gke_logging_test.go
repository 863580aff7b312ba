package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestGoogleGKELogging(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, GoogleGKELogging, "testdata/google_gke/plan.json", checktest.Want{
		Pass:    []string{"google_container_cluster.prod", `module.platform["blue"].google_container_cluster.this[0]`},
		Fail:    []string{"google_container_cluster.dev"},
		Unknown: []string{"google_container_cluster.sandbox"},
	})
}
