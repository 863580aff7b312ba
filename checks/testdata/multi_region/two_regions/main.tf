# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5),
# written to match `terraform show -json` (the AWS provider cannot be fetched
# here). The primary database runs in eu-west-1, a read replica in us-east-1.
variable "region" { default = "eu-west-1" }

provider "aws" { region = var.region }

provider "aws" {
  alias  = "dr"
  region = "us-east-1"
}

resource "aws_db_instance" "primary" {
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.m6g.large"
  multi_az       = true
  tags           = { team = "orders" }
}

resource "aws_db_instance" "replica" {
  provider            = aws.dr
  identifier          = "orders-dr"
  instance_class      = "db.m6g.large"
  multi_az            = true
  replicate_source_db = aws_db_instance.primary.arn
  tags                = { team = "orders" }
}
