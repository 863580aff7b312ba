package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSELBListenerHTTPS(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSELBListenerHTTPS, "testdata/aws_lb/plan.json", checktest.Want{
		Pass:    []string{"aws_elb.classic", "module.edge[0].aws_elb.this"},
		Fail:    []string{"aws_elb.old_web"},
		Unknown: []string{"aws_elb.tcp[0]"},
	})
}
