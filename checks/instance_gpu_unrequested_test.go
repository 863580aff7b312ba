package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

// The check judges only types known to carry an accelerator, so it has no
// unknown results: types known only after apply are reported unknown by
// instance_previous_generation.
func TestInstanceGPUUnrequested(t *testing.T) {
	t.Parallel()
	tests := map[string]checktest.Want{
		"instance_aws": {
			Pass: []string{
				"aws_instance.gpu_worker[0]", "aws_instance.gpu_worker[1]", "aws_eks_node_group.gpu",
				"aws_eks_node_group.gpu_plain_ami", "aws_eks_node_group.neuron", "aws_eks_node_group.custom",
				"aws_eks_node_group.pending_ami", `module.eks.aws_eks_node_group.gpu["l4"]`, `module.eks.aws_eks_node_group.gpu["t4"]`,
			},
			Fail: []string{"aws_instance.render"},
		},
		"instance_google": {
			Pass: []string{"google_container_node_pool.l4"},
			Fail: []string{"google_compute_instance.a2"},
		},
		"instance_azure": {
			Pass: []string{"azurerm_windows_virtual_machine_scale_set.gpu", "azurerm_kubernetes_cluster_node_pool.gpu"},
			Fail: []string{"azurerm_virtual_machine.render"},
		},
	}
	for dir, want := range tests {
		t.Run(dir, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, InstanceGPUUnrequested, "testdata/"+dir+"/plan.json", want)
		})
	}
}
