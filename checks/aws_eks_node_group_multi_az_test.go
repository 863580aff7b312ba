package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSEKSNodeGroupMultiAZ(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSEKSNodeGroupMultiAZ, "testdata/aws_eks/plan.json", checktest.Want{
		Pass: []string{
			"aws_eks_node_group.general", // module output -> aws_subnet.private[*] in three zones
			"aws_eks_node_group.legacy",  // the subnets of an EKS cluster
			`module.platform["prod"].aws_eks_node_group.this`, `module.platform["staging"].aws_eks_node_group.this`,
		},
		Fail: []string{"aws_eks_node_group.pinned"}, // one known subnet in one zone
		Unknown: []string{
			"aws_eks_node_group.batch", // one subnet referenced: a list may hold more
			"aws_eks_node_group.gpu",   // one element of a module output
			"aws_eks_node_group.spot",  // subnets from a local
		},
	})
}
