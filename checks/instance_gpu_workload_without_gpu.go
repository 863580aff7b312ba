package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/instancetypes"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// InstanceGPUWorkloadWithoutGPU flags machines declared for GPU work whose
// type has no GPU or other accelerator.
var InstanceGPUWorkloadWithoutGPU = check.Check{
	Meta: check.Meta{
		ID:            "instance_gpu_workload_without_gpu",
		Title:         "GPU workloads run on types with a GPU or accelerator",
		Section:       "deployment",
		Category:      "instance_choice",
		Severity:      check.SeverityHigh,
		ResourceTypes: instComputeTypes,
		Description: "A machine or node pool that declares GPU work but gets a CPU-only type fails at the first CUDA " +
			"call, or leaves GPU pods pending forever. The check applies when the configuration asks for an accelerator: " +
			"a tag, label or taint naming gpu, cuda, nvidia or neuron (workload = \"gpu\", gpu = \"true\", " +
			"nvidia.com/gpu), an EKS accelerated ami_type (AL2_x86_64_GPU, *_NVIDIA, *_NEURON), or a GCE/GKE " +
			"guest_accelerator. The rule: every type the resource names must carry a GPU, Inferentia or Trainium " +
			"accelerator, or (GCE N1 only) take the attached guest_accelerator.",
		Remediation: "Pick an accelerated type (AWS g6, g5, p5, inf2, trn1; GCE g2, a2, a3 or n1 with guest_accelerator; " +
			"Azure NCasT4_v3, NC A100 v4, ND H100 v5), or drop the GPU tag, label or AMI type if the work runs on CPU.",
		Example: `resource "aws_eks_node_group" "gpu" {
  cluster_name   = aws_eks_cluster.main.name
  node_role_arn  = aws_iam_role.node.arn
  subnet_ids     = var.private_subnet_ids
  ami_type       = "AL2023_x86_64_NVIDIA"
  instance_types = ["g6.xlarge"]
  scaling_config {
    desired_size = 2
    max_size     = 4
    min_size     = 1
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		req := instGPURequestOf(p, r)
		if len(req.strong) == 0 {
			return check.Skip
		}
		f := instJudge(p, r, func(t instancetypes.Type) string {
			switch {
			case instAccelerated(t):
				return ""
			case req.attached && t.Cloud == "google" && t.Family == "n1":
				return "" // the guest_accelerator supplies the GPU
			case req.attached && t.Cloud == "google":
				return "not an N1 machine type, the only series that takes an attached GPU"
			}
			return "a type without a GPU or accelerator"
		}, "the workload asks for a GPU and its type has one", "the workload asks for a GPU but its type has none")
		if f.Status == "" {
			return f
		}
		f.Evidence = append(req.strong, f.Evidence...)
		return f
	},
}
