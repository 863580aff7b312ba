package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAzureAKSAutoscaling(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"provider v4": {"testdata/azure_aks/plan.json", checktest.Want{
			Pass:    []string{"azurerm_kubernetes_cluster.prod", "azurerm_kubernetes_cluster_node_pool.apps"},
			Fail:    []string{"azurerm_kubernetes_cluster.dev", "azurerm_kubernetes_cluster_node_pool.gpu"},
			Unknown: []string{`module.batch["spot"].azurerm_kubernetes_cluster_node_pool.this[0]`},
		}},
		"provider v3": {"testdata/azure_aks_v3/plan.json", checktest.Want{
			Pass:    []string{"azurerm_kubernetes_cluster.legacy"},
			Fail:    []string{"azurerm_kubernetes_cluster_node_pool.workers[0]"},
			Unknown: nil,
		}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AzureAKSAutoscaling, tc.fixture, tc.want)
		})
	}
}
