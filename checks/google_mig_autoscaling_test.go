package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestGoogleMIGAutoscaling(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, GoogleMIGAutoscaling, "testdata/google_compute/plan.json", checktest.Want{
		Pass:    []string{"google_compute_region_instance_group_manager.web", "google_compute_instance_group_manager.imported", `module.workers.google_compute_instance_group_manager.zonal["europe-west1-b"]`, `module.workers.google_compute_instance_group_manager.zonal["europe-west1-c"]`},
		Fail:    []string{"google_compute_region_instance_group_manager.batch", "google_compute_instance_group_manager.legacy_app"},
		Unknown: []string{"google_compute_region_instance_group_manager.canary"},
	})
}
