package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSEKSNodeGroupScaling(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"no autoscaler in the plan": {"testdata/aws_eks/plan.json", checktest.Want{
			Fail: []string{"aws_eks_node_group.gpu", "aws_eks_node_group.legacy"}, // min = max
			Unknown: []string{
				"aws_eks_node_group.general", "aws_eks_node_group.batch", "aws_eks_node_group.pinned", "aws_eks_node_group.spot",
				`module.platform["prod"].aws_eks_node_group.this`, `module.platform["staging"].aws_eks_node_group.this`,
			},
		}},
		"karpenter installed by the plan": {"testdata/aws_eks_karpenter/plan.json", checktest.Want{
			Pass: []string{"aws_eks_node_group.system"},
			Fail: []string{"aws_eks_node_group.fixed"},
		}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSEKSNodeGroupScaling, tc.fixture, tc.want)
		})
	}
}
