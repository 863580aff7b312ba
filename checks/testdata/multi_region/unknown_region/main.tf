# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5),
# written to match `terraform show -json` (the AWS provider cannot be fetched
# here). The provider's region comes from a local, which the plan does not
# record: the region is unknown.
locals {
  regions = { default = "eu-west-1", dr = "us-east-1" }
  region  = local.regions[terraform.workspace]
}

provider "aws" { region = local.region }

resource "aws_lambda_function" "api" {
  function_name = "orders-api"
  filename      = "build/orders-api.zip"
  handler       = "app.handler"
  runtime       = "python3.12"
  architectures = ["arm64"]
  memory_size   = 512
  role          = "arn:aws:iam::111122223333:role/orders-lambda"
  tracing_config { mode = "Active" }
  tags = { team = "orders" }
}
