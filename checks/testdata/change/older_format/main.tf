# older_format: the same kind of workspace planned by Terraform 0.12.31
# (plan format 0.1) with the AWS provider 3.76.1: the database's standby is
# turned off (multi_az true -> false); everything else is left alone.
#
# plan.json is written as Terraform 0.12 prints a saved plan, following the
# real 0.12 plans in ../../../../../shared/fixtures/real/ (001, 002) and the
# provider's schema (../../../../../shared/fixtures/schemas/previous-major/aws-3.76.1.json):
# - resources the plan leaves alone are in resource_changes as "no-op", with
#   before equal to after (as 0.12 writes them);
# - data sources, read while refreshing, are only in prior_state: never in
#   resource_changes or planned_values;
# - prior_state writes each resource's address relative to its module and
#   without its instance key (module.network's subnets are both
#   "data.aws_subnet.private", told apart by "index"), as 0.12 did;
# - no before_sensitive or after_sensitive (added in 0.15), references name
#   the resource only (aws_sns_topic.oncall, not aws_sns_topic.oncall.arn),
#   provider_name is "aws".

provider "aws" {
  version = "~> 3.76"
  region  = "eu-west-1"
}

variable "db_password" {
  description = "Master password of the orders database"
}

module "network" {
  source     = "./modules/network"
  subnet_ids = ["subnet-0b7e4f1a9c2d83e56", "subnet-0e1d5a8c3f7b29a40"]
}

resource "aws_db_instance" "orders" {
  identifier                      = "orders"
  engine                          = "postgres"
  engine_version                  = "13.7"
  instance_class                  = "db.m5.large"
  allocated_storage               = 100
  max_allocated_storage           = 500
  storage_encrypted               = true
  name                            = "orders"
  username                        = "orders_admin"
  password                        = var.db_password
  db_subnet_group_name            = "orders-db"
  vpc_security_group_ids          = ["sg-0c4f7d2e9a1b35f60"]
  multi_az                        = false # was true
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

# Both private subnets are in eu-west-1a: the group runs in one zone. Only
# the subnets' data sources (in prior_state) say so.
resource "aws_autoscaling_group" "web" {
  name                = "web"
  min_size            = 2
  max_size            = 4
  vpc_zone_identifier = module.network.private_subnet_ids

  launch_template {
    name    = "web"
    version = "$Latest"
  }

  tag {
    key                 = "team"
    value               = "web"
    propagate_at_launch = true
  }
}
