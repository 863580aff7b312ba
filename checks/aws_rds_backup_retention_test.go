package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSRDSBackupRetention(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]checktest.Want{
		"aws_aurora": {
			Pass: []string{"aws_rds_cluster.analytics", "aws_rds_cluster.analytics_dr", "aws_rds_cluster.ledger", "aws_rds_cluster.legacy", "aws_rds_cluster.orders", "aws_rds_cluster.reporting", `module.tenant["acme"].aws_rds_cluster.this[0]`},
		},
		"aws_docdb_neptune": {
			Pass:    []string{"aws_docdb_cluster.catalog", "aws_neptune_cluster.default", "aws_neptune_cluster.graph"},
			Unknown: []string{"module.search.aws_docdb_cluster.this"},
		},
		"aws_rds_instance": {
			Pass:    []string{"aws_db_instance.billing", "aws_db_instance.orders", `module.analytics["eu"].aws_db_instance.this[0]`},
			Fail:    []string{"aws_db_instance.legacy", `module.analytics["us"].aws_db_instance.this[0]`},
			Unknown: []string{"aws_db_instance.reports"},
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSRDSBackupRetention, "testdata/"+name+"/plan.json", want)
		})
	}
}
