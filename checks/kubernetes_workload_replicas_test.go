package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestKubernetesWorkloadReplicas(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"typed resources": {"testdata/kubernetes_workloads/plan.json", checktest.Want{
			Pass:    []string{"kubernetes_deployment_v1.api", "kubernetes_stateful_set_v1.db", "kubernetes_stateful_set.cache"},
			Fail:    []string{"kubernetes_deployment.worker"},
			Unknown: []string{`module.tenants["acme"].kubernetes_deployment_v1.web[0]`},
		}},
		"manifests": {"testdata/kubernetes_manifest/plan.json", checktest.Want{
			Pass:    []string{"kubernetes_manifest.checkout", `kubernetes_manifest.queue["orders"]`, "module.jobs.kubernetes_manifest.worker"},
			Fail:    []string{"kubernetes_manifest.legacy_api"},
			Unknown: []string{"kubernetes_manifest.canary"},
		}},
		"helm releases and rollouts": {"testdata/helm_releases/plan.json", checktest.Want{
			Pass:    []string{"helm_release.payments", "helm_release.catalog", "helm_release.web", "kubernetes_manifest.checkout_rollout", "kubernetes_manifest.legacy_rollout", "kubernetes_manifest.frontend", "kubernetes_manifest.plain"},
			Fail:    []string{"helm_release.orders", "helm_release.jobs"},
			Unknown: []string{"helm_release.search", "helm_release.billing"},
		}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, KubernetesWorkloadReplicas, tc.fixture, tc.want)
		})
	}
}
