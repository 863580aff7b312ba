# A configuration judged statically by readiness_config: it is never planned
# (the AWS provider cannot be fetched here, and need not be).
terraform {
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

variable "env" {
  type    = string
  default = "staging"
}

locals {
  tags = { team = "orders", env = var.env }
}

resource "aws_db_instance" "orders" {
  identifier              = "orders-${var.env}"
  engine                  = "postgres"
  instance_class          = "db.m6g.large"
  multi_az                = var.env == "prod"
  backup_retention_period = 7
  storage_encrypted       = true
  publicly_accessible     = false
  deletion_protection     = true
  tags                    = local.tags
}

module "cache" {
  source   = "./modules/cache"
  for_each = toset(["blue", "green"])
  name     = "orders-${each.key}"
  multi_az = each.key == "blue"
}
