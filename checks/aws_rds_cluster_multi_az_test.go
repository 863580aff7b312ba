package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSRDSClusterMultiAZ(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]checktest.Want{
		"aws_aurora": {
			Pass:    []string{"aws_rds_cluster.analytics", "aws_rds_cluster.ledger", "aws_rds_cluster.legacy", "aws_rds_cluster.orders"},
			Fail:    []string{"aws_rds_cluster.reporting", `module.tenant["acme"].aws_rds_cluster.this[0]`},
			Unknown: []string{"aws_rds_cluster.analytics_dr"},
		},
		"aws_docdb_neptune": {
			Pass: []string{"aws_docdb_cluster.catalog", "aws_neptune_cluster.graph"},
			Fail: []string{"aws_neptune_cluster.default", "module.search.aws_docdb_cluster.this"},
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSRDSClusterMultiAZ, "testdata/"+name+"/plan.json", want)
		})
	}
}
