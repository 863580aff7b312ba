package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSEKSEndpointPublic(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSEKSEndpointPublic, "testdata/aws_eks/plan.json", checktest.Want{
		Pass: []string{
			"aws_eks_cluster.main",   // private endpoint
			"aws_eks_cluster.office", // public, for listed networks only
			`module.platform["prod"].aws_eks_cluster.this`, `module.platform["staging"].aws_eks_cluster.this`,
		},
		Fail: []string{
			"aws_eks_cluster.public",  // 0.0.0.0/0
			"aws_eks_cluster.default", // public_access_cidrs not set: AWS allows 0.0.0.0/0
		},
		Unknown: []string{"aws_eks_cluster.ops"}, // networks read at apply
	})
}
