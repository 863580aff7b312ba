# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
variable "region" { default = "eu-west-1" }

provider "aws" { region = var.region }

# graph: Neptune with two instances (count) and every setting in place.
resource "aws_neptune_cluster" "graph" {
  cluster_identifier                  = "graph"
  engine_version                      = "1.3.1.0"
  backup_retention_period             = 7
  deletion_protection                 = true
  storage_encrypted                   = true
  kms_key_arn                         = aws_kms_key.graph.arn
  enable_cloudwatch_logs_exports      = ["audit"]
  iam_database_authentication_enabled = true
  final_snapshot_identifier           = "graph-final"
}

resource "aws_neptune_cluster_instance" "graph" {
  count              = 2
  cluster_identifier = aws_neptune_cluster.graph.id
  instance_class     = "db.r6g.large"
}

# default: a quick-start cluster with one instance and defaults.
resource "aws_neptune_cluster" "default" {
  cluster_identifier      = "neptunedb1"
  backup_retention_period = 5
  preferred_backup_window = "07:00-09:00"
  skip_final_snapshot     = true
  apply_immediately       = true
}

resource "aws_neptune_cluster_instance" "default" {
  count              = 1
  cluster_identifier = aws_neptune_cluster.default.id
  instance_class     = "db.t3.medium"
  apply_immediately  = true
}

# catalog: DocumentDB global cluster member, instances in two zones (for_each).
resource "aws_docdb_global_cluster" "catalog" {
  global_cluster_identifier = "catalog-global"
  engine                    = "docdb"
  engine_version            = "5.0.0"
  storage_encrypted         = true
}

resource "aws_docdb_cluster" "catalog" {
  cluster_identifier              = "catalog"
  engine_version                  = "5.0.0"
  global_cluster_identifier       = aws_docdb_global_cluster.catalog.id
  backup_retention_period         = 7
  deletion_protection             = true
  storage_encrypted               = true
  enabled_cloudwatch_logs_exports = ["audit", "profiler"]
  master_username                 = "catalog"
  manage_master_user_password     = true
}

resource "aws_docdb_cluster_instance" "catalog" {
  for_each           = { a = "eu-west-1a", b = "eu-west-1b" }
  cluster_identifier = aws_docdb_cluster.catalog.id
  instance_class     = "db.r6g.large"
  availability_zone  = each.value
}

module "policy" {
  source = "./modules/policy"
  # resource "terraform_data" "settings" { input = { backup_days = 14 } }
  # output "backup_days" { value = terraform_data.settings.output.backup_days }
}

module "search" {
  source          = "./modules/docdb"
  retention_days  = module.policy.backup_days # known only after apply
  master_password = random_password.search.result
}

# modules/docdb: one instance, no deletion protection, default (unencrypted) storage.
#   resource "aws_docdb_cluster" "this" {
#     cluster_identifier              = "search"
#     backup_retention_period         = var.retention_days
#     deletion_protection             = false
#     enabled_cloudwatch_logs_exports = []
#     master_username                 = "search"
#     master_password                 = var.master_password
#     skip_final_snapshot             = true
#   }
#   resource "aws_docdb_cluster_instance" "this" {
#     count              = 1
#     cluster_identifier = aws_docdb_cluster.this.cluster_identifier
#     instance_class     = "db.t4g.medium"
#   }

# aws_docdb_cluster.old was removed from the configuration: the plan deletes it.
