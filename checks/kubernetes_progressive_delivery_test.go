package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestKubernetesProgressiveDelivery(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"rollouts, canaries and releases": {"testdata/helm_releases/plan.json", checktest.Want{
			// A canary Rollout, a blue-green one and the Deployment it takes
			// over, a Deployment a Flagger Canary targets, and a release whose
			// Deployment a Canary names.
			Pass: []string{"kubernetes_manifest.checkout_rollout", "kubernetes_manifest.legacy_rollout",
				"kubernetes_manifest.legacy", "kubernetes_manifest.frontend", "helm_release.payments"},
			// A plain Deployment, and releases whose rendered manifests hold plain ones.
			Fail: []string{"kubernetes_manifest.plain", "helm_release.web", "helm_release.jobs"},
			// Releases without a rendered manifest: their templates decide.
			Unknown: []string{"helm_release.orders", "helm_release.catalog", "helm_release.search", "helm_release.billing"},
		}},
		"typed resources": {"testdata/kubernetes_workloads/plan.json", checktest.Want{
			Fail: []string{"kubernetes_deployment_v1.api", "kubernetes_deployment.worker", `module.tenants["acme"].kubernetes_deployment_v1.web[0]`},
		}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, KubernetesProgressiveDelivery, tc.fixture, tc.want)
		})
	}
}
