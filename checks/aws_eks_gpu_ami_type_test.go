package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSEKSGPUAMIType(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSEKSGPUAMIType, "testdata/instance_aws/plan.json", checktest.Want{
		Pass:    []string{"aws_eks_node_group.gpu", "aws_eks_node_group.neuron", `module.eks.aws_eks_node_group.gpu["l4"]`},
		Fail:    []string{"aws_eks_node_group.gpu_plain_ami", `module.eks.aws_eks_node_group.gpu["t4"]`},
		Unknown: []string{"aws_eks_node_group.custom", "aws_eks_node_group.pending_ami"},
	})
}
