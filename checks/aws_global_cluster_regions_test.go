package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSGlobalClusterRegions(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSGlobalClusterRegions, "testdata/aws_global/plan.json", checktest.Want{
		Pass: []string{
			"aws_rds_global_cluster.orders", "aws_rds_cluster.orders_primary", "aws_rds_cluster.orders_secondary",
			"aws_neptune_global_cluster.graph", // known member ARNs in two regions
		},
		Fail: []string{"aws_rds_global_cluster.billing", "aws_rds_cluster.billing[0]", "aws_rds_cluster.billing[1]"},
		Unknown: []string{ // a member's provider region is read from SSM during apply
			"aws_docdb_global_cluster.docs", "aws_docdb_cluster.docs_a", `module.replica["b"].aws_docdb_cluster.this`,
		},
	})
}
