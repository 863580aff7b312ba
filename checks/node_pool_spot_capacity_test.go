package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestNodePoolSpotCapacity(t *testing.T) {
	t.Parallel()
	tests := map[string]checktest.Want{
		"instance_aws": {
			Pass: []string{
				"module.eks.aws_eks_node_group.general", `module.eks.aws_eks_node_group.gpu["l4"]`,
				`module.eks.aws_eks_node_group.gpu["t4"]`, "aws_eks_node_group.gpu", "aws_eks_node_group.gpu_plain_ami",
				"aws_eks_node_group.neuron", "aws_eks_node_group.cpu_with_gpu_ami", "aws_eks_node_group.custom",
				"aws_eks_node_group.pending_ami",
			},
			Fail:    []string{"aws_eks_node_group.spot[0]"},
			Unknown: []string{"aws_eks_node_group.batch_tmpl"},
		},
		"instance_google": {
			// google_container_cluster.main removes its default pool: not judged.
			Pass:    []string{"google_container_cluster.kept", "google_container_node_pool.primary", "google_container_node_pool.l4"},
			Fail:    []string{"google_container_node_pool.preemptible[0]", "google_container_node_pool.gpu"},
			Unknown: []string{"google_container_node_pool.pending"},
		},
		"instance_azure": {
			Pass:    []string{"azurerm_kubernetes_cluster_node_pool.gpu"},
			Fail:    []string{"azurerm_kubernetes_cluster_node_pool.spot"},
			Unknown: []string{"azurerm_kubernetes_cluster_node_pool.batch"},
		},
	}
	for dir, want := range tests {
		t.Run(dir, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, NodePoolSpotCapacity, "testdata/"+dir+"/plan.json", want)
		})
	}
}
