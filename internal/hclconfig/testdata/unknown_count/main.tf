# Blocks whose count or for_each a directory scan cannot evaluate, as the
# terraform-aws-modules and company stacks write them: a variable without a
# value decides how many instances there are, or whether there are any.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

# How many cluster instances: set per environment, not here.
variable "instances" {
  type = number
}

# Whether to create the reporting database and the replica module.
variable "create" {
  type = bool
}

# Security groups per service, set per environment.
variable "services" {
  type = map(object({ port = number }))
}

# The instance count is unknown: "only 1 instance in the cluster" would be a
# guess, as would "2 instances".
resource "aws_rds_cluster" "orders" {
  cluster_identifier  = "orders"
  engine              = "aurora-postgresql"
  storage_encrypted   = true
  deletion_protection = true
}

resource "aws_rds_cluster_instance" "orders" {
  count              = var.instances
  identifier         = "orders-${count.index}"
  cluster_identifier = aws_rds_cluster.orders.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.orders.engine
}

# A known count: judged as before.
resource "aws_rds_cluster" "ledger" {
  cluster_identifier  = "ledger"
  engine              = "aurora-postgresql"
  storage_encrypted   = true
  deletion_protection = true
}

resource "aws_rds_cluster_instance" "ledger" {
  count              = 1
  identifier         = "ledger-${count.index}"
  cluster_identifier = aws_rds_cluster.ledger.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.ledger.engine
}

# Created or not: if created, it is public, whatever the count.
resource "aws_db_instance" "reporting" {
  count               = var.create ? 1 : 0
  identifier          = "reporting"
  engine              = "postgres"
  instance_class      = "db.m6g.large"
  allocated_storage   = 20
  publicly_accessible = true
  storage_encrypted   = true
}

# One group per service: each open to the world on SSH.
resource "aws_security_group" "service" {
  for_each = var.services
  name     = "service-${each.key}"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# A module whose own count is unknown: if it is created, its cluster has
# two instances.
module "replica" {
  source = "./modules/cluster"
  count  = var.create ? 1 : 0
  name   = "replica"
}
