# The configuration that plan.json models (AWS provider v6.47.0, Terraform 1.8.5), planned against a
# state from an earlier apply: the comments say what each resource was before this change. Kept beside
# the plan as its source; the AWS provider cannot be fetched here, so the plan is written to match what
# `terraform show -json` prints for it: every before and after object holds exactly the attributes and
# blocks of the provider's schema (checked against ../shared/fixtures/schemas/aws.json by
# TestTransitionFixtureMatchesSchema), values known only after apply are left out of after and marked
# in after_unknown, and sensitive values are marked in before_sensitive and after_sensitive. As in
# every fixture beside it, planned_values is left empty (the model does not read it), and arguments
# that only describe a resource (backup and maintenance windows, monitoring, log exports, alarm
# descriptions, tags) are set as plan.json shows them and left out here.
#
# It proves the transition checks: for each, a weakening (fail), an unchanged and an improved resource
# (pass), a planned value known only after apply (unknown), and resources the plan creates or deletes
# (no result).
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }
}

variable "region" { default = "eu-west-1" }
variable "subnet_ids" {}
variable "lb_security_group_ids" {}
variable "internal_lb_protected" { default = false } # was true
variable "vault_retention_days" { sensitive = true } # 7; was 35

provider "aws" { region = var.region }

# --- RDS instances -------------------------------------------------------------------------------

# was: backup_retention_period = 35
resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = 7
  deletion_protection         = true
  multi_az                    = true
}

# was: backup_retention_period = 14, deletion_protection = true, multi_az = true
resource "aws_db_instance" "billing" {
  identifier                  = "billing"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = 0
  deletion_protection         = false
  multi_az                    = false
}

# unchanged: the plan leaves it alone (no-op)
resource "aws_db_instance" "ledger" {
  identifier                  = "ledger"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = 35
  deletion_protection         = true
  multi_az                    = true
}

# was: backup_retention_period = 1, deletion_protection = false, multi_az = false
resource "aws_db_instance" "reports" {
  identifier                  = "reports"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.t4g.large"
  allocated_storage           = 100
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = 14
  deletion_protection         = true
  multi_az                    = true
}

# was: db_name = "analytics", backup_retention_period = 30, multi_az = true. The new db_name forces a
# replacement, whose backup_retention_period and multi_az (left to the provider) are known after apply.
resource "aws_db_instance" "analytics" {
  identifier                  = "analytics"
  db_name                     = "analytics_v2"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  manage_master_user_password = true
  storage_encrypted           = true
  deletion_protection         = false
}

# new in this change
resource "aws_db_instance" "staging_copy" {
  identifier                  = "staging-copy"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = 7
  multi_az                    = false
}

# aws_db_instance.legacy (postgres 13, 7 days of backups) was removed from the configuration: the
# plan deletes it.

# was: backup_retention_period = 35, from the same sensitive variable
resource "aws_db_instance" "vault" {
  identifier                  = "vault"
  engine                      = "postgres"
  engine_version              = "16.3"
  instance_class              = "db.m6g.large"
  allocated_storage           = 100
  manage_master_user_password = true
  storage_encrypted           = true
  backup_retention_period     = var.vault_retention_days
  deletion_protection         = true
  multi_az                    = true
}

# a read replica (its source's backups cover it); was: backup_retention_period = 7
resource "aws_db_instance" "orders_replica" {
  identifier              = "orders-replica"
  instance_class          = "db.m6g.large"
  replicate_source_db     = aws_db_instance.orders.identifier
  backup_retention_period = 0
  multi_az                = false
}

# --- clusters ------------------------------------------------------------------------------------

# was: backup_retention_period = 35, deletion_protection = true (now removed: null)
resource "aws_rds_cluster" "main" {
  cluster_identifier      = "main"
  engine                  = "aurora-postgresql"
  backup_retention_period = 7
}

# unchanged (no-op)
resource "aws_rds_cluster" "audit" {
  cluster_identifier      = "audit"
  engine                  = "aurora-postgresql"
  backup_retention_period = 35
  deletion_protection     = true
}

# was: backup_retention_period = 7, deletion_protection = true
resource "aws_docdb_cluster" "catalog" {
  cluster_identifier      = "catalog"
  engine                  = "docdb"
  master_password         = "example-only" # the plan marks it sensitive
  backup_retention_period = 14
  deletion_protection     = false
}

# was: no tier tag; backup and protection unchanged
resource "aws_neptune_cluster" "graph" {
  cluster_identifier      = "graph"
  engine                  = "neptune"
  backup_retention_period = 14
  deletion_protection     = true
  tags                    = { Name = "graph", team = "platform", tier = "critical" }
}

# --- DynamoDB ------------------------------------------------------------------------------------

# was: point-in-time recovery on
resource "aws_dynamodb_table" "orders" {
  name                        = "orders"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  range_key                   = "sk"
  deletion_protection_enabled = true
  point_in_time_recovery { enabled = false }
  attribute {
    name = "pk"
    type = "S"
  }
  attribute {
    name = "sk"
    type = "S"
  }
}

# was: deletion_protection_enabled = true, recovery_period_in_days = 35 (the default)
resource "aws_dynamodb_table" "events" {
  name                        = "events"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  range_key                   = "sk"
  deletion_protection_enabled = false
  point_in_time_recovery {
    enabled                 = true
    recovery_period_in_days = 7
  }
  attribute {
    name = "pk"
    type = "S"
  }
  attribute {
    name = "sk"
    type = "S"
  }
}

# was: hash_key = "session_id", point-in-time recovery on. The new hash key forces a replacement;
# the block is gone from the configuration, so the new table's recovery is known after apply.
resource "aws_dynamodb_table" "sessions" {
  name                        = "sessions"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "sid"
  deletion_protection_enabled = false
  attribute {
    name = "sid"
    type = "S"
  }
}

# unchanged (no-op)
resource "aws_dynamodb_table" "audit" {
  name                        = "audit"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  range_key                   = "sk"
  deletion_protection_enabled = true
  point_in_time_recovery { enabled = true }
  attribute {
    name = "pk"
    type = "S"
  }
  attribute {
    name = "sk"
    type = "S"
  }
}

# was: point-in-time recovery off, deletion_protection_enabled = false
resource "aws_dynamodb_table" "carts" {
  name                        = "carts"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  range_key                   = "sk"
  deletion_protection_enabled = true
  point_in_time_recovery { enabled = true }
  attribute {
    name = "pk"
    type = "S"
  }
  attribute {
    name = "sk"
    type = "S"
  }
}

# new in this change
resource "aws_dynamodb_table" "feed" {
  name                        = "feed"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  deletion_protection_enabled = true
  point_in_time_recovery { enabled = true }
  attribute {
    name = "pk"
    type = "S"
  }
}

# --- load balancers ------------------------------------------------------------------------------

# was: enable_deletion_protection = true
resource "aws_lb" "public" {
  name                       = "public"
  internal                   = false
  load_balancer_type         = "application"
  subnets                    = var.subnet_ids
  security_groups            = var.lb_security_group_ids
  enable_deletion_protection = false
}

# was: input = { protect = true }; a new input makes the output known only after apply
resource "terraform_data" "lb_policy" {
  input = { protect = var.internal_lb_protected }
}

# was: enable_deletion_protection = true
resource "aws_lb" "internal" {
  name                       = "internal"
  internal                   = true
  load_balancer_type         = "application"
  subnets                    = var.subnet_ids
  security_groups            = var.lb_security_group_ids
  enable_deletion_protection = terraform_data.lb_policy.output.protect
}

# unchanged (no-op), under the type's older name
resource "aws_alb" "legacy" {
  name                       = "legacy"
  internal                   = false
  load_balancer_type         = "application"
  subnets                    = var.subnet_ids
  security_groups            = var.lb_security_group_ids
  enable_deletion_protection = true
}

# --- ElastiCache ---------------------------------------------------------------------------------

# was: multi_az_enabled = true
resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "sessions cache"
  engine                     = "valkey"
  automatic_failover_enabled = true
  multi_az_enabled           = false
  num_cache_clusters         = 2
}

# was: automatic_failover_enabled = true, multi_az_enabled = true, num_cache_clusters = 2
resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "cache"
  description                = "cache cache"
  engine                     = "valkey"
  automatic_failover_enabled = false
  multi_az_enabled           = false
  num_cache_clusters         = 1
}

# unchanged (no-op)
resource "aws_elasticache_replication_group" "queue" {
  replication_group_id       = "queue"
  description                = "queue cache"
  engine                     = "valkey"
  automatic_failover_enabled = true
  multi_az_enabled           = true
  num_cache_clusters         = 3
}

# --- alarms --------------------------------------------------------------------------------------

# unchanged (no-op)
resource "aws_sns_topic" "oncall" {
  name = "oncall"
}

# was: name = "pager"; the new name forces a replacement, whose ARN is known after apply
resource "aws_sns_topic" "pager" {
  name = "pager-v2"
}

locals {
  scale_out_policy = "arn:aws:autoscaling:eu-west-1:123456789012:scalingPolicy:5e3f9a1c-2b4d-4e6f-8a0b-1c2d3e4f5a6b:autoScalingGroupName/web:policyName/scale-out"
}

# was: alarm_actions = [aws_sns_topic.oncall.arn]
resource "aws_cloudwatch_metric_alarm" "api_5xx" {
  alarm_name          = "api-5xx"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_ELB_5XX_Count"
  dimensions          = { LoadBalancer = "app/public/50dc6c495c0c9188" }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = []
}

# was: actions_enabled = true (the default)
resource "aws_cloudwatch_metric_alarm" "db_cpu" {
  alarm_name          = "db-cpu"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  dimensions          = { DBInstanceIdentifier = "orders" }
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 5
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.oncall.arn]
  actions_enabled     = false
}

# unchanged settings, but its topic is replaced: its alarm_actions are known after apply
resource "aws_cloudwatch_metric_alarm" "queue_depth" {
  alarm_name          = "queue-depth"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = "jobs" }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 1000
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.pager.arn]
}

# unchanged (no-op)
resource "aws_cloudwatch_metric_alarm" "latency" {
  alarm_name          = "latency"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "TargetResponseTime"
  dimensions          = { LoadBalancer = "app/public/50dc6c495c0c9188" }
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 5
  threshold           = 1
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.oncall.arn]
}

# a scaling alarm: was alarm_actions = [local.scale_out_policy]
resource "aws_cloudwatch_metric_alarm" "scale_out" {
  alarm_name          = "scale-out"
  namespace           = "AWS/EC2"
  metric_name         = "CPUUtilization"
  dimensions          = { AutoScalingGroupName = "web" }
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 2
  threshold           = 70
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = []
}

# was: alarm_actions = [local.scale_out_policy, aws_sns_topic.oncall.arn]
resource "aws_cloudwatch_metric_alarm" "web_cpu" {
  alarm_name          = "web-cpu"
  namespace           = "AWS/EC2"
  metric_name         = "CPUUtilization"
  dimensions          = { AutoScalingGroupName = "web" }
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 3
  threshold           = 90
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [local.scale_out_policy]
}

# was: alarm_actions = [], actions_enabled = false
resource "aws_cloudwatch_metric_alarm" "errors" {
  alarm_name          = "errors"
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_Target_5XX_Count"
  dimensions          = { LoadBalancer = "app/public/50dc6c495c0c9188" }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 5
  threshold           = 10
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.oncall.arn]
  actions_enabled     = true
}

# new in this change
resource "aws_cloudwatch_metric_alarm" "disk" {
  alarm_name          = "disk"
  namespace           = "AWS/RDS"
  metric_name         = "FreeStorageSpace"
  dimensions          = { DBInstanceIdentifier = "orders" }
  statistic           = "Minimum"
  period              = 300
  evaluation_periods  = 5
  threshold           = 10737418240
  comparison_operator = "LessThanThreshold"
  alarm_actions       = [aws_sns_topic.oncall.arn]
}
