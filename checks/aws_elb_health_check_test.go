package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSELBHealthCheck(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSELBHealthCheck, "testdata/aws_lb/plan.json", checktest.Want{
		Pass:    []string{"aws_elb.classic", "aws_elb.tcp[0]", "module.edge[0].aws_elb.this"},
		Unknown: []string{"aws_elb.old_web"}, // default probe
	})
}
