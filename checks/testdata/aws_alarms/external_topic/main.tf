# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5),
# written to match `terraform show -json` (the AWS provider cannot be fetched
# here). The alarm's topic lives in another stack: its subscribers are not in
# this plan.
variable "region" { default = "eu-west-1" }
variable "alarm_topic_arn" {}

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
  alarm_actions       = [var.alarm_topic_arn]
}
