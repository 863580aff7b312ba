# The application's root: its database is watched by an alarm in the
# monitoring root (cli's TestScanPool).
variable "region" {
  default = "eu-west-1"
}

provider "aws" {
  region = var.region
}

resource "aws_db_instance" "orders" {
  identifier              = "orders"
  instance_class          = "db.m6g.large"
  engine                  = "postgres"
  multi_az                = true
  storage_encrypted       = true
  backup_retention_period = 7
  deletion_protection     = true
  tags                    = { team = "orders" }
}

# The same address as in the monitoring root.
resource "aws_s3_bucket" "logs" {
  bucket = "orders-logs"
  tags   = { team = "orders" }
}
