package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSMSKMultiAZ(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSMSKMultiAZ, "testdata/aws_msk/plan.json", checktest.Want{
		Pass:    []string{"aws_msk_cluster.events", "aws_msk_cluster.legacy[0]"},
		Fail:    []string{"aws_msk_cluster.pinned"}, // one known client subnet
		Unknown: []string{"aws_msk_cluster.dynamic", "module.stream.aws_msk_cluster.this"},
	})
}
