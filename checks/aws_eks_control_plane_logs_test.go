package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSEKSControlPlaneLogs(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSEKSControlPlaneLogs, "testdata/aws_eks/plan.json", checktest.Want{
		Pass: []string{
			"aws_eks_cluster.main", "aws_eks_cluster.ops",
			`module.platform["prod"].aws_eks_cluster.this`, `module.platform["staging"].aws_eks_cluster.this`,
		},
		Fail: []string{
			"aws_eks_cluster.public",  // api only
			"aws_eks_cluster.default", // null
		},
		Unknown: []string{"aws_eks_cluster.office"},
	})
}
