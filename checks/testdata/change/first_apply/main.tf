# first_apply: nothing exists yet; the plan creates everything.
#
# The configuration plan.json models: Terraform 1.8.5, AWS provider 5.100.0.
# The AWS provider cannot be fetched here, so plan.json is written as
# `terraform show -json` prints a saved plan of this configuration against
# the state described in ../README.md; its values follow the provider's real
# schema (../../../../../shared/fixtures/schemas/previous-major/aws-5.100.0.json).

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

provider "aws" {
  alias  = "dr"
  region = "eu-central-1"
}

resource "aws_db_instance" "orders" {
  identifier                      = "orders"
  engine                          = "postgres"
  engine_version                  = "16.3"
  instance_class                  = "db.m6g.large"
  allocated_storage               = 100
  max_allocated_storage           = 500
  storage_type                    = "gp3"
  storage_encrypted               = true
  db_name                         = "orders"
  username                        = "orders_admin"
  manage_master_user_password     = true
  db_subnet_group_name            = "orders-db"
  vpc_security_group_ids          = ["sg-0c4f7d2e9a1b35f60"]
  multi_az                        = false
  backup_retention_period         = 7
  backup_window                   = "02:00-03:00"
  maintenance_window              = "sun:03:30-sun:04:30"
  copy_tags_to_snapshot           = true
  deletion_protection             = true
  final_snapshot_identifier       = "orders-final"
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
  performance_insights_enabled    = true
  monitoring_interval             = 60
  monitoring_role_arn             = "arn:aws:iam::123456789012:role/rds-enhanced-monitoring"

  tags = {
    service = "orders"
    team    = "orders"
  }
}

# Automated backups copied to a second region.
resource "aws_db_instance_automated_backups_replication" "orders_dr" {
  provider               = aws.dr
  source_db_instance_arn = aws_db_instance.orders.arn
  kms_key_id             = "arn:aws:kms:eu-central-1:123456789012:key/2a7d9c4e-6f1b-4e3a-8d5c-9b0e1f2a3c4d"
  retention_period       = 14
}

resource "aws_sns_topic" "oncall" {
  name              = "orders-oncall"
  kms_master_key_id = "alias/aws/sns"

  tags = {
    service = "orders"
    team    = "orders"
  }
}

resource "aws_sns_topic_subscription" "pagerduty" {
  topic_arn              = aws_sns_topic.oncall.arn
  protocol               = "https"
  endpoint               = "https://events.pagerduty.com/integration/0f5e2c7d4b9a41c88e3d6a2b1c0f9e87/enqueue"
  endpoint_auto_confirms = true
}

resource "aws_cloudwatch_metric_alarm" "orders_db_cpu" {
  alarm_name          = "orders-db-cpu"
  alarm_description   = "CPU of the orders database above 80% for 15 minutes. Runbook: https://runbooks.example.com/orders/db-cpu"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  dimensions          = { DBInstanceIdentifier = aws_db_instance.orders.identifier }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "missing"
  alarm_actions       = [aws_sns_topic.oncall.arn]
  ok_actions          = [aws_sns_topic.oncall.arn]

  tags = {
    service = "orders"
    team    = "orders"
  }
}

resource "aws_cloudwatch_dashboard" "orders" {
  dashboard_name = "orders"
  dashboard_body = jsonencode({
    widgets = [{
      type   = "metric"
      x      = 0
      y      = 0
      width  = 12
      height = 6
      properties = {
        title  = "orders database"
        region = "eu-west-1"
        stat   = "Average"
        period = 300
        metrics = [
          ["AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", "orders"],
          ["AWS/RDS", "FreeStorageSpace", "DBInstanceIdentifier", "orders"],
          ["AWS/RDS", "DatabaseConnections", "DBInstanceIdentifier", "orders"],
        ]
      }
    }]
  })
}
