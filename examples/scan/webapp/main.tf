# The configuration that plan.json models: a payments service on AWS
# (provider v5, Terraform 1.8.5). The AWS provider cannot be downloaded where
# this project is built, so plan.json was written to match what
# `terraform show -json` prints for this configuration; the VPC itself is
# outside this stack (its ID is a variable, given when planning).
#
#   terraform plan -out tfplan && terraform show -json tfplan > plan.json
#   readiness scan plan.json
variable "region" { default = "eu-west-1" }
variable "azs" { default = ["eu-west-1a", "eu-west-1b"] }

variable "vpc_id" {
  description = "The VPC this stack runs in, from the network stack."
}

provider "aws" {
  region = var.region
  default_tags { tags = { ManagedBy = "terraform" } }
}

locals { tags = { team = "payments", environment = "production" } }

resource "aws_subnet" "private" {
  count             = length(var.azs)
  vpc_id            = var.vpc_id
  availability_zone = var.azs[count.index]
  cidr_block        = "10.0.${count.index}.0/24"
  tags              = local.tags
}

resource "aws_db_instance" "orders" {
  identifier                      = "orders"
  db_name                         = "orders"
  username                        = "orders_admin"
  engine                          = "postgres"
  engine_version                  = "16.3"
  instance_class                  = "db.m6g.large"
  storage_type                    = "gp3"
  allocated_storage               = 100
  max_allocated_storage           = 500
  multi_az                        = false # gap: one AZ
  backup_retention_period         = 7
  copy_tags_to_snapshot           = true
  deletion_protection             = true
  storage_encrypted               = true
  manage_master_user_password     = true
  monitoring_interval             = 60
  performance_insights_enabled    = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
  final_snapshot_identifier       = "orders-final"
  tags                            = local.tags
}

resource "aws_security_group" "app" {
  name        = "app"
  description = "app servers"
  vpc_id      = var.vpc_id
  tags        = local.tags
  ingress { # gap: SSH from anywhere
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    description = "https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_s3_bucket" "receipts" {
  bucket = "payments-receipts-prod"
  tags   = local.tags
}

resource "aws_s3_bucket_versioning" "receipts" {
  bucket = aws_s3_bucket.receipts.id
  versioning_configuration { status = "Enabled" }
}

resource "aws_dynamodb_table" "sessions" {
  name                        = "sessions"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "id"
  deletion_protection_enabled = true
  tags                        = local.tags
  attribute {
    name = "id"
    type = "S"
  }
  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }
  # gap: no point_in_time_recovery
}

# Changing at_rest_encryption_enabled replaces the cache: its data is lost.
resource "aws_elasticache_replication_group" "cache" {
  replication_group_id       = "sessions"
  description                = "session cache"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = "cache.r7g.large"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  snapshot_retention_limit   = 3
  tags                       = local.tags
}

resource "aws_sns_topic" "oncall" {
  name = "payments-oncall"
  tags = local.tags
}

resource "aws_sns_topic_subscription" "pager" {
  topic_arn = aws_sns_topic.oncall.arn
  protocol  = "https"
  endpoint  = "https://events.pagerduty.com/integration/abc/enqueue"
}

resource "aws_cloudwatch_metric_alarm" "cache_cpu" {
  alarm_name          = "payments-cache-cpu"
  alarm_description   = "Cache CPU high. Runbook: https://wiki.example.com/runbooks/cache"
  namespace           = "AWS/ElastiCache"
  metric_name         = "EngineCPUUtilization"
  dimensions          = { ReplicationGroupId = aws_elasticache_replication_group.cache.id }
  statistic           = "Average"
  period              = 60
  evaluation_periods  = 3
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.oncall.arn]
  tags                = local.tags
}
