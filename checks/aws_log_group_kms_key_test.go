package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSLogGroupKMSKey(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSLogGroupKMSKey, "testdata/aws_kinesis_logs_redshift/plan.json", checktest.Want{
		Pass:    []string{"aws_cloudwatch_log_group.api", `module.ingest["clicks"].aws_cloudwatch_log_group.this[0]`},
		Fail:    []string{"aws_cloudwatch_log_group.worker"},
		Unknown: []string{"aws_cloudwatch_log_group.partner"},
	})
}
