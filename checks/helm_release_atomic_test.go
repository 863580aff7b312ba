package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestHelmReleaseAtomic(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"application releases": {"testdata/helm_releases/plan.json", checktest.Want{
			Pass: []string{"helm_release.payments", "helm_release.catalog", "helm_release.billing", "helm_release.web"},
			// atomic unset; search sets cleanup_on_fail alone, which does not roll back.
			// ingress_nginx and argo_rollouts are cluster add-ons: not judged.
			Fail: []string{"helm_release.orders", "helm_release.search"},
			// atomic known only after apply.
			Unknown: []string{"helm_release.jobs"},
		}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, HelmReleaseAtomic, tc.fixture, tc.want)
		})
	}
}
