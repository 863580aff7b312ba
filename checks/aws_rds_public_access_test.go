package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSRDSPublicAccess(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]checktest.Want{
		"aws_aurora": {
			Pass:    []string{"aws_rds_cluster_instance.analytics_a", "aws_rds_cluster_instance.analytics_b", "aws_rds_cluster_instance.orders[0]", "aws_rds_cluster_instance.orders[1]", `module.tenant["acme"].aws_rds_cluster_instance.this[1]`},
			Fail:    []string{`module.tenant["acme"].aws_rds_cluster_instance.this[0]`},
			Unknown: []string{"aws_rds_cluster_instance.reporting"},
		},
		"aws_rds_instance": {
			Pass:    []string{"aws_db_instance.billing", "aws_db_instance.billing_dr", "aws_db_instance.orders", "aws_db_instance.orders_dr", "aws_db_instance.reports", `module.analytics["us"].aws_db_instance.this[0]`},
			Fail:    []string{"aws_db_instance.legacy"},
			Unknown: []string{`module.analytics["eu"].aws_db_instance.this[0]`},
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSRDSPublicAccess, "testdata/"+name+"/plan.json", want)
		})
	}
}
