package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestInstanceTinySize(t *testing.T) {
	t.Parallel()
	tests := map[string]checktest.Want{
		"instance_aws": {
			Pass: []string{
				"aws_instance.web", "aws_instance.legacy", "aws_instance.gpu_worker[0]", "aws_instance.gpu_worker[1]",
				"aws_instance.render", "aws_instance.cuda_on_cpu", "aws_instance.batch_cpu",
				`module.workers["blue"].aws_launch_template.this`, `module.workers["green"].aws_launch_template.this`,
				"aws_launch_configuration.old", "module.eks.aws_eks_node_group.general",
				`module.eks.aws_eks_node_group.gpu["l4"]`, `module.eks.aws_eks_node_group.gpu["t4"]`, "aws_eks_node_group.gpu",
				"aws_eks_node_group.gpu_plain_ami", "aws_eks_node_group.neuron", "aws_eks_node_group.cpu_with_gpu_ami",
				"aws_eks_node_group.custom", "aws_eks_node_group.pending_ami", "aws_eks_node_group.spot[0]",
			},
			Fail:    []string{"aws_instance.tiny"},
			Unknown: []string{"aws_instance.chosen", "aws_instance.exotic", "aws_instance.gpu_pending"},
		},
		"instance_google": {
			Pass: []string{
				"google_compute_instance.app", "google_compute_instance.legacy", "google_compute_instance.gpu",
				"google_compute_instance.bad_gpu", "google_compute_instance.a2", `module.vm["api"].google_compute_instance.this`,
				"google_container_node_pool.primary", "google_container_node_pool.preemptible[0]",
				"google_container_node_pool.gpu", "google_container_node_pool.l4",
			},
			Fail: []string{
				"google_compute_instance.micro", `module.vm["tools"].google_compute_instance.this`,
				"google_compute_instance_template.web", "google_container_cluster.kept",
			},
			Unknown: []string{"google_compute_instance.pending", "google_container_node_pool.pending"},
		},
		"instance_azure": {
			Pass: []string{
				"azurerm_linux_virtual_machine.app", "azurerm_linux_virtual_machine.old", "azurerm_linux_virtual_machine.cuda",
				`module.compute["api"].azurerm_linux_virtual_machine.this[0]`,
				`module.compute["batch"].azurerm_linux_virtual_machine.this[0]`, "azurerm_linux_virtual_machine_scale_set.web",
				"azurerm_windows_virtual_machine_scale_set.gpu", "azurerm_virtual_machine.render", "azurerm_kubernetes_cluster.aks",
				"azurerm_kubernetes_cluster_node_pool.gpu", "azurerm_kubernetes_cluster_node_pool.spot",
				"azurerm_kubernetes_cluster_node_pool.batch",
			},
			Fail:    []string{"azurerm_windows_virtual_machine.tiny", "azurerm_virtual_machine.legacy"},
			Unknown: []string{"azurerm_linux_virtual_machine.unlisted", "azurerm_linux_virtual_machine.pending"},
		},
	}
	for dir, want := range tests {
		t.Run(dir, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, InstanceTinySize, "testdata/"+dir+"/plan.json", want)
		})
	}
}
