# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
# Check: aws_global_cluster_regions.
variable "region" { default = "eu-west-1" }

provider "aws" { region = var.region }
provider "aws" {
  alias  = "usw2"
  region = "us-west-2"
}

data "aws_ssm_parameter" "region" { name = "/dr/region" } # read during apply
provider "aws" {
  alias  = "dynamic"
  region = data.aws_ssm_parameter.region.value
}

resource "aws_rds_global_cluster" "orders" { # members in eu-west-1 and us-west-2
  global_cluster_identifier = "orders"
  engine                    = "aurora-postgresql"
  storage_encrypted         = true
  deletion_protection       = true
}

resource "aws_rds_cluster" "orders_primary" {
  cluster_identifier        = "orders-primary"
  engine                    = "aurora-postgresql"
  global_cluster_identifier = aws_rds_global_cluster.orders.id
  storage_encrypted         = true
}

resource "aws_rds_cluster" "orders_secondary" {
  provider                  = aws.usw2
  cluster_identifier        = "orders-secondary"
  engine                    = "aurora-postgresql"
  global_cluster_identifier = aws_rds_global_cluster.orders.id
  storage_encrypted         = true
}

resource "aws_rds_global_cluster" "billing" { # both members in eu-west-1
  global_cluster_identifier = "billing"
  engine                    = "aurora-mysql"
  storage_encrypted         = true
  deletion_protection       = true
}

resource "aws_rds_cluster" "billing" {
  count                     = 2
  cluster_identifier        = "billing-${count.index}"
  engine                    = "aurora-mysql"
  global_cluster_identifier = aws_rds_global_cluster.billing.id
  storage_encrypted         = true
}

resource "aws_docdb_global_cluster" "docs" {
  global_cluster_identifier = "docs"
  engine                    = "docdb"
  storage_encrypted         = true
  deletion_protection       = true
}

resource "aws_docdb_cluster" "docs_a" {
  cluster_identifier        = "docs-a"
  engine                    = "docdb"
  global_cluster_identifier = aws_docdb_global_cluster.docs.id
  storage_encrypted         = true
}

module "replica" {
  source                    = "./modules/replica"
  for_each                  = { b = "b" }
  providers                 = { aws = aws.dynamic }
  global_cluster_identifier = aws_docdb_global_cluster.docs.id
}
# modules/replica/main.tf:
# variable "global_cluster_identifier" {}
# resource "aws_docdb_cluster" "this" {
#   cluster_identifier        = "docs-b"
#   engine                    = "docdb"
#   global_cluster_identifier = var.global_cluster_identifier
#   storage_encrypted         = true
# }

# Exists already (no-op): its members are clusters of other stacks, in
# eu-west-1 and ap-southeast-2, known by ARN in global_cluster_members.
resource "aws_neptune_global_cluster" "graph" {
  global_cluster_identifier = "graph"
  engine                    = "neptune"
  storage_encrypted         = true
  deletion_protection       = true
}

# aws_rds_global_cluster.legacy was removed: the plan deletes it.
