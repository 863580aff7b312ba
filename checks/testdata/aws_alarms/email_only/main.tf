# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5),
# written to match `terraform show -json` (the AWS provider cannot be fetched
# here). The alarm reaches a mailbox and a Slack webhook, but no pager.
variable "region" { default = "eu-west-1" }
variable "slack_webhook_url" {}

provider "aws" { region = var.region }

resource "aws_lambda_function" "billing" {
  function_name = "billing"
  filename      = "build/billing.zip"
  handler       = "app.handler"
  runtime       = "python3.12"
  architectures = ["arm64"]
  memory_size   = 512
  role          = "arn:aws:iam::111122223333:role/orders-lambda"
  tracing_config { mode = "Active" }
  tags = { team = "billing" }
}

resource "aws_sns_topic" "alerts" {
  name = "billing-alerts"
  tags = { team = "billing" }
}

resource "aws_sns_topic_subscription" "email" {
  topic_arn = aws_sns_topic.alerts.arn
  protocol  = "email"
  endpoint  = "billing-team@example.com"
}

resource "aws_sns_topic_subscription" "slack" {
  topic_arn              = aws_sns_topic.alerts.arn
  protocol               = "https"
  endpoint               = var.slack_webhook_url
  endpoint_auto_confirms = true
}

resource "aws_cloudwatch_metric_alarm" "billing_errors" {
  alarm_name          = "billing-errors"
  alarm_description   = "billing errors. Runbook: https://runbooks.example.com/billing"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = aws_lambda_function.billing.function_name }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 3
  threshold           = 1
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.alerts.arn]
}
