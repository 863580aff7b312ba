# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5),
# written to match `terraform show -json` (the AWS provider cannot be fetched
# here). The plan updates a bucket's tags and creates a queue: it destroys
# nothing.
variable "region" { default = "eu-west-1" }

provider "aws" { region = var.region }

resource "aws_s3_bucket" "assets" {
  bucket = "orders-assets"
  tags   = { team = "orders", tier = "gold" }
}

resource "aws_sqs_queue" "events" {
  name = "orders-events"
  tags = { team = "orders" }
}
