package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestInstanceGPUWorkloadWithoutGPU(t *testing.T) {
	t.Parallel()
	tests := map[string]checktest.Want{
		"instance_aws": {
			Pass: []string{
				"aws_instance.gpu_worker[0]", "aws_instance.gpu_worker[1]", "aws_eks_node_group.gpu",
				"aws_eks_node_group.gpu_plain_ami", "aws_eks_node_group.neuron", "aws_eks_node_group.custom",
				`module.eks.aws_eks_node_group.gpu["l4"]`, `module.eks.aws_eks_node_group.gpu["t4"]`,
			},
			Fail:    []string{"aws_instance.cuda_on_cpu", "aws_eks_node_group.cpu_with_gpu_ami"},
			Unknown: []string{"aws_instance.gpu_pending"},
		},
		"instance_google": {
			Pass: []string{"google_compute_instance.gpu", "google_container_node_pool.gpu"},
			Fail: []string{"google_compute_instance.bad_gpu"},
		},
		"instance_azure": {
			Pass: []string{"azurerm_windows_virtual_machine_scale_set.gpu", "azurerm_kubernetes_cluster_node_pool.gpu"},
			Fail: []string{"azurerm_linux_virtual_machine.cuda"},
		},
	}
	for dir, want := range tests {
		t.Run(dir, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, InstanceGPUWorkloadWithoutGPU, "testdata/"+dir+"/plan.json", want)
		})
	}
}

func TestInstLabelAsks(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		key, value string
		want       int
	}{
		"gpu key true":       {key: "gpu", value: "true", want: instAsksStrong},
		"gpu key false":      {key: "gpu", value: "false", want: instAsksNothing},
		"gpu key empty":      {key: "gpu", value: "", want: instAsksNothing},
		"workload gpu":       {key: "workload", value: "gpu", want: instAsksStrong},
		"workload no-gpu":    {key: "workload", value: "no-gpu", want: instAsksNothing},
		"nvidia label":       {key: "nvidia.com/gpu.present", value: "true", want: instAsksStrong},
		"accelerator label":  {key: "k8s.amazonaws.com/accelerator", value: "nvidia-tesla-t4", want: instAsksStrong},
		"global accelerator": {key: "service", value: "global-accelerator", want: instAsksNothing},
		"ml inference":       {key: "workload", value: "ml-inference", want: instAsksWeak},
		"word inside a word": {key: "Name", value: "debugger", want: instAsksNothing},
		"cuda in a name":     {key: "Name", value: "cuda-jobs", want: instAsksStrong},
		"unrelated tag":      {key: "team", value: "orders", want: instAsksNothing},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := instLabelAsks(tc.key, tc.value); got != tc.want {
				t.Errorf("instLabelAsks(%q, %q) = %d, want %d", tc.key, tc.value, got, tc.want)
			}
		})
	}
}
