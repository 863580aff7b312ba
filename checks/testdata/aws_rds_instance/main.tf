# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
variable "region" { default = "eu-west-1" }

provider "aws" { region = var.region }

provider "aws" {
  alias  = "dr"
  region = "us-west-2"
}

# The region paired with var.region for disaster recovery. The plan records
# the provider's region only as a reference to this local, never its value.
locals {
  paired_region = { "eu-west-1" = "eu-central-1", "us-east-1" = "us-west-2" }[var.region]
}

provider "aws" {
  alias  = "paired"
  region = local.paired_region
}

# Meets every data-store check; replicated to us-west-2 by orders_dr.
resource "aws_db_instance" "orders" {
  identifier                      = "orders"
  engine                          = "postgres"
  engine_version                  = "16.3"
  instance_class                  = "db.m6g.large"
  allocated_storage               = 100
  storage_type                    = "gp3"
  db_name                         = "orders"
  username                        = "app"
  manage_master_user_password     = true
  db_subnet_group_name            = "private-db"
  multi_az                        = true
  backup_retention_period         = 14
  deletion_protection             = true
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.db.arn
  publicly_accessible             = false
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
  final_snapshot_identifier       = "orders-final"
  tags                            = { team = "orders" }
}

# Cross-region read replica: a replica is not judged for backups; it passes
# replication as the copy in another region.
resource "aws_db_instance" "orders_dr" {
  provider                        = aws.dr
  identifier                      = "orders-dr"
  replicate_source_db             = aws_db_instance.orders.arn
  instance_class                  = "db.m6g.large"
  backup_retention_period         = 7
  deletion_protection             = true
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.db_dr.arn
  publicly_accessible             = false
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
  tags                            = { team = "orders" }
}

# billing: as orders, with a read replica in the paired region, whose region
# the plan does not tell.
resource "aws_db_instance" "billing" {
  identifier                      = "billing"
  engine                          = "postgres"
  engine_version                  = "16.3"
  instance_class                  = "db.m6g.large"
  allocated_storage               = 100
  storage_type                    = "gp3"
  db_name                         = "billing"
  username                        = "app"
  manage_master_user_password     = true
  db_subnet_group_name            = "private-db"
  multi_az                        = true
  backup_retention_period         = 14
  deletion_protection             = true
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.db.arn
  publicly_accessible             = false
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
  final_snapshot_identifier       = "billing-final"
  tags                            = { team = "billing" }
}

resource "aws_db_instance" "billing_dr" {
  provider                        = aws.paired
  identifier                      = "billing-dr"
  replicate_source_db             = aws_db_instance.billing.arn
  instance_class                  = "db.m6g.large"
  backup_retention_period         = 7
  deletion_protection             = true
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.db_paired.arn
  publicly_accessible             = false
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
  tags                            = { team = "billing" }
}

# Existing instance (no-op): no backups, no protection, unencrypted, public,
# no log exports.
resource "aws_db_instance" "legacy" {
  identifier              = "legacy"
  engine                  = "mysql"
  instance_class          = "db.t3.medium"
  backup_retention_period = 0
  deletion_protection     = false
  storage_encrypted       = false
  publicly_accessible     = true
  skip_final_snapshot     = true
}

# Defaults: backup_retention_period computed (unknown), deletion_protection
# unset (false), no log exports.
resource "aws_db_instance" "reports" {
  identifier        = "reports"
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  storage_encrypted = true
  multi_az          = true
  # allocated_storage, username, ... as in plan.json
}

module "analytics" {
  source   = "./modules/analytics-db"
  for_each = { eu = { backup_days = 14 }, us = { backup_days = 0 } }

  name        = each.key
  backup_days = each.value.backup_days
  # eu takes its settings from a parameter read during apply (unknown in the plan)
  public      = each.key == "eu" ? jsondecode(data.aws_ssm_parameter.db_flags.insecure_value).public : false
  log_exports = each.key == "eu" ? jsondecode(data.aws_ssm_parameter.db_flags.insecure_value).logs : ["postgresql"]
}

data "aws_ssm_parameter" "db_flags" {
  name       = "/analytics/db-flags"
  depends_on = [aws_kms_key.db] # created with this plan: the read waits for apply
}

# modules/analytics-db:
#   resource "aws_db_instance" "this" {
#     count                           = 1
#     identifier                      = var.name
#     engine                          = "postgres"
#     instance_class                  = "db.r6g.large"
#     backup_retention_period         = var.backup_days
#     deletion_protection             = true
#     storage_encrypted               = true
#     publicly_accessible             = var.public
#     multi_az                        = true
#     enabled_cloudwatch_logs_exports = var.log_exports
#   }
#   output "db_arn" { value = aws_db_instance.this[0].arn }

resource "aws_db_instance_automated_backups_replication" "analytics_eu" {
  provider               = aws.dr
  source_db_instance_arn = module.analytics["eu"].db_arn
  retention_period       = 14
}

# aws_db_instance.old was removed from the configuration: the plan deletes it.
