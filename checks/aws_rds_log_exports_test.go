package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSRDSLogExports(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]checktest.Want{
		"aws_aurora": {
			Pass: []string{"aws_rds_cluster.analytics", "aws_rds_cluster.ledger", "aws_rds_cluster.orders", `module.tenant["acme"].aws_rds_cluster.this[0]`},
			Fail: []string{"aws_rds_cluster.analytics_dr", "aws_rds_cluster.legacy", "aws_rds_cluster.reporting"},
		},
		"aws_docdb_neptune": {
			Pass: []string{"aws_docdb_cluster.catalog", "aws_neptune_cluster.graph"},
			Fail: []string{"aws_neptune_cluster.default", "module.search.aws_docdb_cluster.this"},
		},
		"aws_rds_instance": {
			Pass:    []string{"aws_db_instance.billing", "aws_db_instance.billing_dr", "aws_db_instance.orders", "aws_db_instance.orders_dr", `module.analytics["us"].aws_db_instance.this[0]`},
			Fail:    []string{"aws_db_instance.legacy", "aws_db_instance.reports"},
			Unknown: []string{`module.analytics["eu"].aws_db_instance.this[0]`},
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSRDSLogExports, "testdata/"+name+"/plan.json", want)
		})
	}
}
