package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSNATGatewayPerAZ(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSNATGatewayPerAZ, "testdata/aws_network/plan.json", checktest.Want{
		Pass: []string{
			"aws_nat_gateway.zonal[0]", "aws_nat_gateway.zonal[1]", "aws_nat_gateway.zonal[2]",
			"aws_nat_gateway.legacy", // known IDs, no changes
		},
		Fail: []string{"module.shared.aws_nat_gateway.this"}, // serves eu-west-1b from eu-west-1a (inline route)
		Unknown: []string{
			"aws_nat_gateway.spare", // no route uses it
			"aws_nat_gateway.edge",  // subnet from a data source
		},
	})
}
