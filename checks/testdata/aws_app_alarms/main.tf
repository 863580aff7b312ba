# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
# Checks: aws_lb_5xx_alarm, aws_sqs_dlq_depth_alarm.
variable "region" { default = "eu-west-1" }

provider "aws" { region = var.region }

data "aws_ssm_parameter" "metric" { name = "/alarms/metric" } # read during apply

resource "aws_sns_topic" "oncall" { name = "oncall" }

locals { subnets = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"] }

# Every load balancer: subnets = local.subnets, enable_deletion_protection = true.
resource "aws_lb" "api" {
  name               = "api"
  load_balancer_type = "application"
  subnets            = local.subnets
}
resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"
  subnets            = local.subnets
}
resource "aws_lb" "nlb" { # network: not judged
  name               = "nlb"
  load_balancer_type = "network"
  subnets            = local.subnets
}
resource "aws_lb" "internal" {
  count              = 1
  name               = "internal"
  load_balancer_type = "application"
  subnets            = local.subnets
}
resource "aws_alb" "legacy" { # no alarm at all
  name               = "legacy"
  load_balancer_type = "application"
  subnets            = local.subnets
}
# aws_lb.old was removed: the plan deletes it.

# Every alarm: statistic = "Sum", period = 60, evaluation_periods = 5,
# threshold = 1, comparison_operator = "GreaterThanOrEqualToThreshold",
# treat_missing_data = "notBreaching", alarm_actions = [aws_sns_topic.oncall.arn].
resource "aws_cloudwatch_metric_alarm" "api_5xx" {
  alarm_name  = "api_5xx"
  namespace   = "AWS/ApplicationELB"
  metric_name = "HTTPCode_Target_5XX_Count"
  dimensions  = { LoadBalancer = aws_lb.api.arn_suffix }
}
resource "aws_cloudwatch_metric_alarm" "web_unhealthy" {
  alarm_name  = "web_unhealthy"
  namespace   = "AWS/ApplicationELB"
  metric_name = "UnHealthyHostCount"
  dimensions  = { LoadBalancer = aws_lb.web.arn_suffix }
}
resource "aws_cloudwatch_metric_alarm" "internal_errors" {
  alarm_name  = "internal_errors"
  namespace   = "AWS/ApplicationELB"
  metric_name = data.aws_ssm_parameter.metric.value
  dimensions  = { LoadBalancer = aws_lb.internal[0].arn_suffix }
}

module "edge" {
  source      = "./modules/edge"
  alarm_topic = aws_sns_topic.oncall.arn
}
# modules/edge/main.tf: an aws_lb "this" (application) and an alarm
# "error_rate" on the metric math 100 * m1 / m2, where m1 is
# HTTPCode_ELB_5XX_Count and m2 RequestCount, both with
# dimensions = { LoadBalancer = aws_lb.this.arn_suffix }; threshold = 5,
# alarm_actions = [var.alarm_topic].

# Queues: each source queue sends failed messages to its dead-letter queue.
resource "aws_sqs_queue" "orders_dlq" { name = "orders-dlq" }
resource "aws_sqs_queue" "orders" {
  name           = "orders"
  redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn, maxReceiveCount = 5 })
}
# payments / payments_dlq and audit / audit_dlq: the same.
resource "aws_sqs_queue" "jobs_dlq" {
  count = 1
  name  = "jobs-dlq-0"
}
resource "aws_sqs_queue" "jobs" {
  name           = "jobs"
  redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.jobs_dlq[0].arn, maxReceiveCount = 5 })
}
resource "aws_sqs_queue" "plain" { name = "plain" }
# aws_sqs_queue.old_dlq was removed: the plan deletes it.

resource "aws_cloudwatch_metric_alarm" "orders_dlq" {
  alarm_name  = "orders_dlq"
  namespace   = "AWS/SQS"
  metric_name = "ApproximateNumberOfMessagesVisible"
  dimensions  = { QueueName = aws_sqs_queue.orders_dlq.name }
}
resource "aws_cloudwatch_metric_alarm" "payments_dlq" { # never fires for redriven messages
  alarm_name  = "payments_dlq"
  namespace   = "AWS/SQS"
  metric_name = "NumberOfMessagesSent"
  dimensions  = { QueueName = aws_sqs_queue.payments_dlq.name }
}
resource "aws_cloudwatch_metric_alarm" "jobs_dlq" {
  alarm_name  = "jobs_dlq"
  namespace   = "AWS/SQS"
  metric_name = data.aws_ssm_parameter.metric.value
  dimensions  = { QueueName = aws_sqs_queue.jobs_dlq[0].name }
}

module "queue" {
  source      = "./modules/queue"
  alarm_topic = aws_sns_topic.oncall.arn
}
# modules/queue/main.tf: aws_sqs_queue "dlq" (events-dlq), aws_sqs_queue
# "this" (events) redriving to it, and an alarm "dlq_age" on
# ApproximateAgeOfOldestMessage with dimensions = { QueueName = aws_sqs_queue.dlq.name }.
