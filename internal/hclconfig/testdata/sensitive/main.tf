# Sensitive values in every place a configuration can hold them; no value
# marked "KANARY" may reach a report (hclconfig's TestSensitiveValuesNeverPrinted).

locals {
  zone    = sensitive("KANARY-zone-us-east-1a")
  subnets = sensitive(["KANARY-subnet-1", "KANARY-subnet-2"])
  itype   = sensitive("KANARY.itype")
  region  = sensitive("KANARY-region-local")
}

variable "password" {
  type      = string
  sensitive = true
  default   = "KANARY-variable-default"
}

provider "aws" {
  region = sensitive("KANARY-region-constant")
}

provider "aws" {
  alias  = "dr"
  region = local.region
}

resource "aws_instance" "web" {
  instance_type     = local.itype
  availability_zone = local.zone
  subnet_id         = local.subnets[0]
  user_data         = "echo ${local.zone}"
  tags = {
    Name  = "web"
    Owner = var.password
  }
}

resource "aws_db_instance" "main" {
  instance_class    = "db.t3.micro"
  engine            = "postgres"
  password          = var.password
  availability_zone = local.zone
  multi_az          = false
}

resource "aws_db_instance" "replica" {
  provider            = aws.dr
  replicate_source_db = aws_db_instance.main.arn
  instance_class      = local.itype
}

resource "aws_lb" "web" {
  subnets = local.subnets
}

resource "aws_nat_gateway" "a" {
  subnet_id = local.subnets[1]
}

module "child" {
  source = "./child"
  secret = sensitive("KANARY-module-input")
}

output "dsn" {
  value     = "KANARY-output-${local.zone}"
  sensitive = true
}
