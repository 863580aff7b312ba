# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
variable "region" { default = "eu-west-1" }
variable "azs" { default = ["eu-west-1a", "eu-west-1b"] }

provider "aws" { region = var.region }

provider "aws" {
  alias  = "dr"
  region = "us-west-2"
}

# orders: member of a global cluster, two instances in two zones.
resource "aws_rds_global_cluster" "orders" {
  global_cluster_identifier = "orders-global"
  engine                    = "aurora-postgresql"
  engine_version            = "16.2"
  storage_encrypted         = true
  deletion_protection       = true
}

resource "aws_rds_cluster" "orders" {
  cluster_identifier              = "orders"
  engine                          = "aurora-postgresql"
  engine_version                  = "16.2"
  global_cluster_identifier       = aws_rds_global_cluster.orders.id
  backup_retention_period         = 14
  deletion_protection             = true
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.db.arn
  enabled_cloudwatch_logs_exports = ["postgresql"]
  # database_name, master_username, manage_master_user_password, db_subnet_group_name as in plan.json
}

resource "aws_rds_cluster_instance" "orders" {
  count               = 2
  identifier          = "orders-${count.index}"
  cluster_identifier  = aws_rds_cluster.orders.id
  engine              = aws_rds_cluster.orders.engine
  instance_class      = "db.r6g.large"
  availability_zone   = var.azs[count.index]
  publicly_accessible = false
}

# reporting: one serverless v2 instance; every other setting left to defaults.
resource "aws_rds_cluster" "reporting" {
  cluster_identifier = "reporting"
  engine             = "aurora-mysql"
  engine_version     = "8.0.mysql_aurora.3.05.2"
}

resource "aws_rds_cluster_instance" "reporting" {
  cluster_identifier = aws_rds_cluster.reporting.id
  engine             = "aurora-mysql"
  instance_class     = "db.serverless"
}

# legacy: existing Aurora Serverless v1 cluster (no-op).
resource "aws_rds_cluster" "legacy" {
  cluster_identifier  = "legacy"
  engine              = "aurora-mysql"
  engine_mode         = "serverless"
  skip_final_snapshot = true
  scaling_configuration {
    min_capacity = 1
    max_capacity = 8
  }
}

# ledger: Multi-AZ DB cluster (no aws_rds_cluster_instance).
resource "aws_rds_cluster" "ledger" {
  cluster_identifier              = "ledger"
  engine                          = "postgres"
  db_cluster_instance_class       = "db.m6gd.large"
  storage_type                    = "io1"
  iops                            = 1000
  allocated_storage               = 100
  backup_retention_period         = 7
  deletion_protection             = true
  storage_encrypted               = true
  enabled_cloudwatch_logs_exports = ["postgresql"]
}

module "tenant" {
  source   = "./modules/tenant-db"
  for_each = toset(["acme"])
  name     = each.key
}

# modules/tenant-db: both instances pinned to one zone; the first is public.
#   resource "aws_rds_cluster" "this" {
#     count                           = 1
#     cluster_identifier              = var.name   # tenant-acme
#     engine                          = "aurora-postgresql"
#     engine_version                  = "16.2"
#     backup_retention_period         = 7
#     deletion_protection             = true
#     storage_encrypted               = true
#     enabled_cloudwatch_logs_exports = ["postgresql"]
#   }
#   resource "aws_rds_cluster_instance" "this" {
#     count               = 2
#     identifier          = "${var.name}-${count.index}"
#     cluster_identifier  = aws_rds_cluster.this[0].cluster_identifier
#     engine              = "aurora-postgresql"
#     instance_class      = "db.r6g.large"
#     availability_zone   = "eu-west-1a"
#     publicly_accessible = count.index == 0
#   }

# analytics: instances name the cluster by its literal identifier (no reference).
resource "aws_rds_cluster" "analytics" {
  cluster_identifier              = "analytics"
  engine                          = "aurora-mysql"
  backup_retention_period         = 7
  deletion_protection             = true
  storage_encrypted               = true
  enabled_cloudwatch_logs_exports = ["audit", "error", "slowquery"]
}

resource "aws_rds_cluster_instance" "analytics_a" {
  cluster_identifier  = "analytics"
  engine              = "aurora-mysql"
  instance_class      = "db.r6g.large"
  publicly_accessible = false
}

resource "aws_rds_cluster_instance" "analytics_b" {
  cluster_identifier  = "analytics"
  engine              = "aurora-mysql"
  instance_class      = "db.r6g.large"
  publicly_accessible = false
}

# Cross-region replica cluster; its instances are managed in another configuration.
resource "aws_rds_cluster" "analytics_dr" {
  provider                      = aws.dr
  cluster_identifier            = "analytics-dr"
  engine                        = "aurora-mysql"
  replication_source_identifier = aws_rds_cluster.analytics.arn
  source_region                 = "eu-west-1"
  storage_encrypted             = true
  kms_key_id                    = aws_kms_key.db_dr.arn
}

# aws_rds_cluster.retired was removed from the configuration: the plan deletes it.
