package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSRedshiftEncryptionAtRest(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSRedshiftEncryptionAtRest, "testdata/aws_kinesis_logs_redshift/plan.json", checktest.Want{
		Pass:    []string{"aws_redshift_cluster.warehouse", `module.ingest["clicks"].aws_redshift_cluster.this[0]`},
		Fail:    []string{"aws_redshift_cluster.legacy"},
		Unknown: []string{"aws_redshift_cluster.analytics"},
	})
}
