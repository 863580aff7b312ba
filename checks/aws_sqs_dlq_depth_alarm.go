package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// dlqDepthMetrics show that messages sit in a queue.
var dlqDepthMetrics = metricWant{
	cloudwatch: []string{"ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage"},
	datadog:    []string{"aws.sqs.approximate_number_of_messages_visible", "aws.sqs.approximate_age_of_oldest_message"},
}

// AWSSQSDLQDepthAlarm requires the alarms on a dead-letter queue to watch
// its depth, the metric that shows failed messages arriving.
var AWSSQSDLQDepthAlarm = check.Check{
	Meta: check.Meta{
		ID:            "aws_sqs_dlq_depth_alarm",
		Title:         "Dead-letter queue alarm watches the queue depth",
		Section:       "alerts_metrics",
		Category:      "alarm",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_sqs_queue"},
		Description: "Messages land in a dead-letter queue when processing failed for good: each one is an " +
			"application failure that someone must look at. Only ApproximateNumberOfMessagesVisible (or the " +
			"age of the oldest message) shows them arriving: SQS moves failed messages there without counting " +
			"them in NumberOfMessagesSent, so an alarm on that metric never fires. The check judges dead-letter " +
			"queues that some alarm watches; aws_alarm_coverage fails those that no alarm watches.",
		Remediation: "Alarm on ApproximateNumberOfMessagesVisible > 0 for the dead-letter queue " +
			"(dimensions = { QueueName = aws_sqs_queue.dlq.name }).",
		Example: `resource "aws_cloudwatch_metric_alarm" "orders_dlq" {
  alarm_name          = "orders-dlq-not-empty"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.orders_dlq.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.oncall.arn]
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if !isDeadLetterQueue(p, r) {
			return check.Skip
		}
		if w := alarmIndexOf(p).watching(r); len(w.Watching) == 0 {
			return check.Skip // aws_alarm_coverage judges unwatched queues
		}
		return metricAlarmFinding(p, r, dlqDepthMetrics, "dead-letter queue", "depth", ev(p, r, "name"))
	},
}
