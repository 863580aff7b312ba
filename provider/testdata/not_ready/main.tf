# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# The AWS provider cannot be fetched here, so plan.json is written to match
# what `terraform show -json` prints for it. Not ready: a public, single-AZ,
# unencrypted database without backups.
variable "region" { default = "eu-west-1" }

provider "aws" { region = var.region }

resource "aws_db_instance" "reports" {
  identifier              = "reports"
  engine                  = "postgres"
  instance_class          = "db.t3.micro"
  multi_az                = false
  publicly_accessible     = true
  backup_retention_period = 0
  storage_encrypted       = false
  deletion_protection     = false
  tags                    = { team = "reports" }
}
