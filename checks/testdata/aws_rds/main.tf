# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
variable "region" { default = "eu-west-1" }

provider "aws" { region = var.region }

resource "aws_db_instance" "primary" {
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.m6g.large"
  multi_az                    = true
  manage_master_user_password = true
  # ... backups, encryption and logging set as in plan.json
}

resource "aws_db_instance" "single" {
  identifier     = "reports"
  engine         = "postgres"
  instance_class = "db.t3.micro"
  multi_az       = false
}

# module "db" { for_each = toset(["blue", "green"]) ... } whose instance sets
# multi_az only for "green"; aws_db_instance.legacy was removed from the
# configuration, so the plan deletes it.
