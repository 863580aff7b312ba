package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSSQSDLQDepthAlarm(t *testing.T) {
	t.Parallel()
	// aws_sqs_queue.audit_dlq has no alarm (aws_alarm_coverage judges it);
	// plain and the source queues are not dead-letter queues.
	checktest.Assert(t, AWSSQSDLQDepthAlarm, "testdata/aws_app_alarms/plan.json", checktest.Want{
		Pass:    []string{"aws_sqs_queue.orders_dlq", "module.queue.aws_sqs_queue.dlq"},
		Fail:    []string{"aws_sqs_queue.payments_dlq"}, // NumberOfMessagesSent misses redriven messages
		Unknown: []string{"aws_sqs_queue.jobs_dlq[0]"},
	})
}
