package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSSQSEncryptionAtRest(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSSQSEncryptionAtRest, "testdata/aws_sqs_sns/plan.json", checktest.Want{
		Pass: []string{
			"aws_sqs_queue.emails", "aws_sqs_queue.orders", `module.worker["billing"].aws_sqs_queue.this[0]`,
		},
		Fail:    []string{"aws_sqs_queue.legacy"},
		Unknown: []string{"aws_sqs_queue.audit", "aws_sqs_queue.events", "aws_sqs_queue.partner"},
	})
}
