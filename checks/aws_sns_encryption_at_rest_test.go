package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSSNSEncryptionAtRest(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSSNSEncryptionAtRest, "testdata/aws_sqs_sns/plan.json", checktest.Want{
		Pass:    []string{"aws_sns_topic.alerts", "aws_sns_topic.billing"},
		Fail:    []string{"aws_sns_topic.plain", `module.worker["billing"].aws_sns_topic.this[0]`},
		Unknown: []string{"aws_sns_topic.partner"},
	})
}
