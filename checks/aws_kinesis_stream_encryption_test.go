package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSKinesisStreamEncryption(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSKinesisStreamEncryption, "testdata/aws_kinesis_logs_redshift/plan.json", checktest.Want{
		Pass:    []string{"aws_kinesis_stream.events", `module.ingest["clicks"].aws_kinesis_stream.this[0]`},
		Fail:    []string{"aws_kinesis_stream.raw"},
		Unknown: []string{"aws_kinesis_stream.partner"},
	})
}
