# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
# State before this plan held every resource below plus aws_s3_bucket.assets,
# aws_security_group.old, aws_iam_role.legacy, aws_rds_cluster_instance.reader[1]
# (count was 2) and a deposed aws_dynamodb_table.sessions object (a1b2c3d4) left
# by an interrupted create_before_destroy replacement.
variable "region" { default = "eu-west-1" }

provider "aws" { region = var.region }

# engine changed from mysql: cannot be updated in place, so replaced.
resource "aws_db_instance" "orders" {
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.m6g.large"
  tags           = { team = "orders" }
}

# at_rest_encryption_enabled turned on: replaced, create before destroy.
module "cache" {
  source   = "./modules/cache" # aws_elasticache_replication_group.this, count = 1, lifecycle { create_before_destroy = true }
  for_each = toset(["eu"])
  name     = each.key
}

resource "aws_dynamodb_table" "sessions" {
  name         = "orders-sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  attribute {
    name = "pk"
    type = "S"
  }
  tags = { team = "orders", tier = "gold" }
}

# ami changed: replaced; an instance holds no data of its own here.
resource "aws_instance" "web" {
  ami                    = "ami-0a1b2c3d4e5f60718"
  instance_type          = "m7g.large"
  subnet_id              = "subnet-0a1b2c3d"
  vpc_security_group_ids = ["sg-0a1b2c3d4e5f60718"]
  tags                   = { team = "orders" }
}

resource "aws_rds_cluster_instance" "reader" {
  count              = 1 # was 2: reader[1] is deleted
  identifier         = "analytics-${count.index + 1}"
  cluster_identifier = "analytics"
  instance_class     = "db.r7g.large"
  engine             = "aurora-postgresql"
}

# Taken out of Terraform's hands without destroying it.
removed {
  from = aws_sqs_queue.jobs
  lifecycle {
    destroy = false
  }
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 200 # was 100: updated in place
  type              = "gp3"
  encrypted         = true
  tags              = { team = "orders" }
}

data "aws_caller_identity" "current" {}
