terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

provider "aws" {
  alias  = "replica"
  region = "eu-central-1"
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "env" {
  type = string
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "hunter2hunter2"
}

variable "buckets" {
  type    = set(string)
  default = ["logs", "assets"]
}

variable "subnet_ids" {
  type = list(string)
}

locals {
  name   = "orders-${var.env}"
  tags   = merge({ team = "orders" }, { env = var.env })
  az_ids = ["a", "b"]
}

resource "aws_s3_bucket" "b" {
  for_each = var.buckets
  bucket   = "${local.name}-${each.key}"
  tags     = local.tags
}

resource "aws_s3_bucket_versioning" "b" {
  for_each = aws_s3_bucket.b
  bucket   = each.value.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_db_instance" "main" {
  identifier          = local.name
  engine              = "postgres"
  instance_class      = "db.m6g.large"
  multi_az            = var.env == "prod"
  password            = var.db_password
  db_subnet_group_name = aws_db_subnet_group.main.name
  backup_retention_period = 7
  storage_encrypted   = true
  tags                = local.tags

  dynamic "restore_to_point_in_time" {
    for_each = []
    content {
      use_latest_restorable_time = true
    }
  }
}

resource "aws_db_subnet_group" "main" {
  name       = local.name
  subnet_ids = var.subnet_ids
}

resource "aws_instance" "web" {
  count         = 2
  ami           = data.aws_ami.ubuntu.id
  instance_type = count.index == 0 ? "t3.micro" : "m7g.large"
  subnet_id     = element(var.subnet_ids, count.index)

  root_block_device {
    encrypted   = true
    volume_size = 20
  }

  dynamic "ebs_block_device" {
    for_each = local.az_ids
    iterator = disk
    content {
      device_name = "/dev/sd${disk.value}"
      encrypted   = disk.key == 0
    }
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_instance" "unknown_count" {
  count         = length(data.aws_ami.ubuntu.id)
  ami           = "ami-123"
  instance_type = "t3.small"
}

resource "aws_s3_bucket" "replica" {
  provider = aws.replica
  bucket   = "${local.name}-replica"
}

data "aws_ami" "ubuntu" {
  most_recent = true
  owners      = ["099720109477"]
}

module "cache" {
  source   = "./modules/db"
  for_each = toset(["blue", "green"])
  name     = "${local.name}-${each.key}"
  multi_az = each.key == "blue"
  providers = {
    aws = aws.replica
  }
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}

output "db_name" {
  value = module.cache["blue"].id
}
