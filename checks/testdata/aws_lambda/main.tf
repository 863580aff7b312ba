# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
# Every function is a zip of python3.12 on arm64 with 512 MB; shown in "api".
variable "region" { default = "eu-west-1" }

provider "aws" { region = var.region }

data "aws_ssm_parameter" "limits" { # read during apply
  name = "/lambda/limits"
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
  reserved_concurrent_executions = 50
}

resource "aws_lambda_function" "worker" { # no reserved concurrency
  function_name = "worker"
  timeout       = 60
  # ...
}

resource "aws_lambda_function" "paused" { # reserved concurrency 0: throttled
  function_name                  = "paused"
  timeout                        = 30
  reserved_concurrent_executions = 0
  # ...
}

resource "aws_lambda_function" "dynamic" { # limit read at apply
  function_name                  = "dynamic"
  timeout                        = 30
  reserved_concurrent_executions = tonumber(data.aws_ssm_parameter.limits.value)
  # ...
}

resource "aws_lambda_function" "shard" {
  count                          = 2
  function_name                  = "shard-${count.index}"
  reserved_concurrent_executions = 10
  # ...
}

resource "aws_lambda_alias" "api" { # canary: 10% on version 8
  name             = "live"
  function_name    = aws_lambda_function.api.function_name
  function_version = "7"
  routing_config {
    additional_version_weights = { "8" = 0.1 }
  }
}

resource "aws_lambda_alias" "worker" {
  name             = "live"
  function_name    = aws_lambda_function.worker.function_name
  function_version = "7"
}

resource "aws_lambda_alias" "shard" {
  count            = 2
  name             = "live"
  function_name    = aws_lambda_function.shard[count.index].function_name
  function_version = "7"
}

module "hooks" {
  source = "./modules/hooks"
  name   = "hooks"
}

# modules/hooks: an aws_lambda_function "this" without reserved concurrency,
# and an aws_lambda_alias "this" whose routing_config is a dynamic block over
# weights computed at apply:
#   dynamic "routing_config" {
#     for_each = aws_lambda_function.this.version == "1" ? [] : [1]
#     content {
#       additional_version_weights = { (aws_lambda_function.this.version) = 0.1 }
#     }
#   }
#
# aws_lambda_function.old and aws_lambda_alias.old were removed from the
# configuration: the plan deletes them. aws_iam_role.lambda lives in another state.
