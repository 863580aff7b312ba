# The monitoring root: alarms on the application's resources, by name.
provider "aws" {
  region = "us-east-1"
}

resource "aws_sns_topic" "oncall" {
  name = "oncall"
  tags = { team = "sre" }
}

resource "aws_sns_topic_subscription" "pager" {
  topic_arn = aws_sns_topic.oncall.arn
  protocol  = "https"
  endpoint  = "https://events.pagerduty.com/integration/abc/enqueue"
}

resource "aws_cloudwatch_metric_alarm" "orders_cpu" {
  alarm_name          = "orders-cpu"
  alarm_description   = "Runbook: https://wiki.example.com/runbooks/orders"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  dimensions          = { DBInstanceIdentifier = "orders" }
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 3
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.oncall.arn]
  tags                = { team = "sre" }
}

resource "aws_s3_bucket" "logs" {
  bucket = "monitoring-logs"
  tags   = { team = "sre" }
}
