# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
variable "region" { default = "eu-west-1" }
variable "pagerduty_service_id" {}

provider "aws" { region = var.region }

# The on-call route: alarms -> SNS topic -> PagerDuty.
resource "aws_sns_topic" "oncall" {
  name = "orders-oncall"
  tags = { team = "orders" }
}

resource "pagerduty_service_integration" "cloudwatch" {
  name    = "CloudWatch"
  service = var.pagerduty_service_id
  vendor  = "PZQ6AUS"
}

resource "aws_sns_topic_subscription" "pagerduty" {
  topic_arn              = aws_sns_topic.oncall.arn
  protocol               = "https"
  endpoint               = "https://events.pagerduty.com/integration/${pagerduty_service_integration.cloudwatch.integration_key}/enqueue"
  endpoint_auto_confirms = true
}

# Watched by reference: a plain alarm and a metric-math alarm.
resource "aws_db_instance" "orders" {
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.m6g.large"
  multi_az       = true
  tags           = { team = "orders" }
}

resource "aws_cloudwatch_metric_alarm" "orders_cpu" {
  alarm_name          = "orders-db-cpu"
  alarm_description   = "Orders DB CPU above 80% for 15 minutes. Runbook: https://runbooks.example.com/orders-db#cpu"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  dimensions          = { DBInstanceIdentifier = aws_db_instance.orders.identifier }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.oncall.arn]
  tags                = { team = "orders" }
}

resource "aws_cloudwatch_metric_alarm" "orders_free_storage" {
  alarm_name          = "orders-db-free-storage"
  alarm_description   = "Orders DB has less than 10 GiB free. Runbook: https://runbooks.example.com/orders-db#storage"
  evaluation_periods  = 3
  threshold           = 10
  comparison_operator = "LessThanThreshold"
  alarm_actions       = [aws_sns_topic.oncall.arn]
  tags                = { team = "orders" }

  metric_query {
    id          = "e1"
    expression  = "m1 / 1073741824"
    label       = "FreeStorageGiB"
    return_data = true
  }
  metric_query {
    id = "m1"
    metric {
      namespace   = "AWS/RDS"
      metric_name = "FreeStorageSpace"
      stat        = "Minimum"
      period      = 300
      dimensions  = { DBInstanceIdentifier = aws_db_instance.orders.identifier }
    }
  }
}

# Watched through a literal dimension value (the known-value fallback).
resource "aws_rds_cluster" "analytics" {
  cluster_identifier = "analytics"
  engine             = "aurora-postgresql"
  tags               = { Owner = "analytics" }
}

resource "aws_cloudwatch_metric_alarm" "analytics_cpu" {
  alarm_name          = "analytics-cpu"
  alarm_description   = "Analytics cluster CPU above 80%"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  dimensions          = { DBClusterIdentifier = "analytics" }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = ["arn:aws:sns:eu-west-1:111122223333:platform-alerts"] # a topic outside this plan
  tags                = { runbook_url = "https://runbooks.example.com/analytics" }
}

resource "aws_cloudwatch_metric_alarm" "analytics_connections" {
  alarm_name          = "analytics-connections"
  alarm_description   = "Analytics connections above 500 (muted during the migration)"
  namespace           = "AWS/RDS"
  metric_name         = "DatabaseConnections"
  dimensions          = { DBClusterIdentifier = aws_rds_cluster.analytics.cluster_identifier }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = 500
  comparison_operator = "GreaterThanThreshold"
  actions_enabled     = false
  alarm_actions       = [aws_sns_topic.oncall.arn]
}

# module "db" { for_each = toset(["blue", "green"]); identifier = "${each.key}-db" }
# holds aws_db_instance.this (count = 1, tags = { env = each.key }) and
# output "identifier" { value = aws_db_instance.this[0].identifier }.
module "db" {
  source     = "./modules/db"
  for_each   = toset(["blue", "green"])
  identifier = "${each.key}-db"
}

resource "aws_cloudwatch_metric_alarm" "blue_db_cpu" {
  alarm_name          = "blue-db-cpu"
  alarm_description   = "Blue DB CPU above 80%. Runbook: https://runbooks.example.com/db#cpu"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  dimensions          = { DBInstanceIdentifier = module.db["blue"].identifier }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = ["arn:aws:sns:eu-west-1:111122223333:platform-alerts"]
}

resource "aws_lambda_function" "api" {
  function_name = "orders-api"
  filename      = "build/orders-api.zip"
  handler       = "app.handler"
  runtime       = "python3.12"
  architectures = ["arm64"]
  memory_size   = 512
  role          = "arn:aws:iam::111122223333:role/orders-lambda"
  tracing_config { mode = "Active" }
  tags = { owner_email = "api-team@example.com" }
}

resource "aws_lambda_function" "worker" {
  function_name = "orders-worker"
  filename      = "build/orders-worker.zip"
  handler       = "app.handler"
  runtime       = "python3.12"
  architectures = ["arm64"]
  memory_size   = 512
  role          = "arn:aws:iam::111122223333:role/orders-lambda"
}

resource "aws_cloudwatch_metric_alarm" "api_errors" {
  alarm_name          = "orders-api-errors"
  alarm_description   = "Errors in ${aws_lambda_function.api.arn}"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = aws_lambda_function.api.function_name }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 3
  threshold           = 5
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = []
}

# AWS Chatbot's topic, created by a CloudFormation stack: its ARN is an output.
resource "aws_cloudformation_stack" "chatbot" {
  name          = "orders-chatbot"
  parameters    = { SlackChannelId = "C0123456789" }
  template_body = file("${path.module}/chatbot.yaml")
}

resource "aws_cloudwatch_metric_alarm" "api_throttles" {
  alarm_name          = "orders-api-throttles"
  alarm_description   = "orders-api is throttled. Runbook: https://runbooks.example.com/orders-api#throttles"
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { FunctionName = aws_lambda_function.api.function_name }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 3
  threshold           = 1
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_cloudformation_stack.chatbot.outputs["TopicArn"]]
}

# The table's name, and so the alarm's dimension, is known only after apply.
resource "random_id" "suffix" { byte_length = 4 }

resource "aws_dynamodb_table" "sessions" {
  name         = "sessions-${random_id.suffix.hex}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  attribute {
    name = "pk"
    type = "S"
  }
  point_in_time_recovery { enabled = true }
  deletion_protection_enabled = true
  tags                        = { Name = "sessions-${random_id.suffix.hex}" }
}

resource "aws_cloudwatch_metric_alarm" "sessions_throttles" {
  alarm_name          = "sessions-throttles"
  alarm_description   = "Sessions table throttled"
  namespace           = "AWS/DynamoDB"
  metric_name         = "ThrottledRequests"
  dimensions          = { TableName = "sessions-${random_id.suffix.hex}" }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 3
  threshold           = 1
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.oncall.arn]
  tags                = { runbook = "https://runbooks.example.com/sessions" }
}

# jobs redrives to jobs_dlq: the DLQ must be watched.
resource "aws_sqs_queue" "jobs_dlq" {
  name = "orders-jobs-dlq"
  tags = { team = "orders" }
}

resource "aws_sqs_queue" "jobs" {
  name           = "orders-jobs"
  redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.jobs_dlq.arn, maxReceiveCount = 5 })
  tags           = { team = "orders" }
}

resource "aws_cloudwatch_metric_alarm" "jobs_dlq_depth" {
  alarm_name          = "orders-jobs-dlq-depth"
  alarm_description   = "Messages in orders-jobs-dlq: jobs are failing. Runbook: https://runbooks.example.com/jobs#dlq"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.jobs_dlq.name }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 3
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.oncall.arn]
}

# modules/queue-alarms: aws_cloudwatch_metric_alarm.this (count = 1) on
# ApproximateAgeOfOldestMessage with alarm_actions = var.alarm_actions
# (default null): an alarm that notifies no one.
module "queue_alarms" {
  source     = "./modules/queue-alarms"
  for_each   = { orders = "orders-jobs" }
  queue_name = aws_sqs_queue.jobs.name
}

# An Auto Scaling group watched only by its scale-out alarm.
resource "aws_autoscaling_group" "web" {
  name                = "orders-web"
  min_size            = 2
  max_size            = 6
  health_check_type   = "ELB"
  vpc_zone_identifier = ["subnet-0a1b2c3d", "subnet-0e5f6a7b"]
  launch_template {
    id      = "lt-0a1b2c3d4e5f60718"
    version = "$Latest"
  }
  tag {
    key                 = "Name"
    value               = "orders-web"
    propagate_at_launch = true
  }
}

resource "aws_autoscaling_policy" "scale_out" {
  name                   = "orders-web-scale-out"
  autoscaling_group_name = aws_autoscaling_group.web.name
  adjustment_type        = "ChangeInCapacity"
  scaling_adjustment     = 1
  cooldown               = 300
}

resource "aws_cloudwatch_metric_alarm" "web_scale_out" {
  alarm_name          = "orders-web-scale-out"
  alarm_description   = "Scale orders-web out above 70% CPU"
  namespace           = "AWS/EC2"
  metric_name         = "CPUUtilization"
  dimensions          = { AutoScalingGroupName = aws_autoscaling_group.web.name }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 2
  threshold           = 70
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_autoscaling_policy.scale_out.arn]
}

# modules/network: aws_vpc.this (count = 1) and aws_flow_log.this (count = 1)
# with vpc_id = local.vpc_id (a local: the plan's references stop there).
module "network" {
  source              = "./modules/network"
  flow_log_bucket_arn = "arn:aws:s3:::orders-flow-logs"
}

resource "aws_cloudtrail" "regional" {
  name                  = "orders-trail"
  s3_bucket_name        = "orders-trail-logs"
  is_multi_region_trail = false
}

# aws_db_instance.legacy and aws_cloudwatch_metric_alarm.legacy_cpu were
# removed from the configuration: the plan deletes them.
