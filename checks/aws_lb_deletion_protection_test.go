package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSLBDeletionProtection(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSLBDeletionProtection, "testdata/aws_lb/plan.json", checktest.Want{
		Pass:    []string{"aws_lb.web", "module.edge[0].aws_lb.this"},
		Fail:    []string{"aws_lb.nlb", "aws_alb.legacy", "aws_lb.inspection"},
		Unknown: []string{"aws_lb.dynamic"},
	})
}
