# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
# A CodeDeploy Lambda application: its AppSpec, outside the plan, says which
# alias it shifts.
variable "region" { default = "eu-west-1" }

provider "aws" { region = var.region }

resource "aws_codedeploy_app" "fn" {
  compute_platform = "Lambda"
  name             = "fn"
}

resource "aws_lambda_function" "api" {
  function_name                  = "api"
  role                           = aws_iam_role.lambda.arn
  runtime                        = "python3.12"
  handler                        = "app.handler"
  filename                       = "api.zip"
  architectures                  = ["arm64"]
  memory_size                    = 512
  publish                        = true
  timeout                        = 10
  reserved_concurrent_executions = 20
}

resource "aws_lambda_alias" "api" {
  name             = "live"
  function_name    = aws_lambda_function.api.function_name
  function_version = "7"
}
