# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
# The REST API, its deployment and the HTTP/WebSocket APIs already exist and
# are elided.
variable "region" { default = "eu-west-1" }

provider "aws" {
  region = var.region
  default_tags {
    tags = { team = "platform" }
  }
}

locals {
  # log_retention_days, tracing and tracing_mode are derived from values
  # known only after apply (elided).
  access_log_format = jsonencode({ requestId = "$context.requestId", status = "$context.status", latency = "$context.responseLatency" })
}

# Log groups: 90 days, never expire (retention unset), known after apply, and
# per service from a module (web 30 days, worker 7 days).
resource "aws_cloudwatch_log_group" "api" {
  name              = "/ecs/api"
  retention_in_days = 90
}

resource "aws_cloudwatch_log_group" "audit" {
  name = "/audit/api"
}

resource "aws_cloudwatch_log_group" "batch" {
  name              = "/batch/jobs"
  retention_in_days = local.log_retention_days
}

module "svc" {
  source             = "./modules/service" # aws_cloudwatch_log_group.this, count = 1
  for_each           = { web = 30, worker = 7 }
  name               = each.key
  log_retention_days = each.value
}

# VPCs: main has a flow log by reference, shared (existing) by its literal
# ID, isolated has none.
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags       = { Name = "main" }
}

resource "aws_flow_log" "main" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::platform-flow-logs"
}

resource "aws_vpc" "isolated" {
  cidr_block = "10.1.0.0/16"
  tags       = { Name = "isolated" }
}

resource "aws_vpc" "shared" {
  cidr_block = "10.2.0.0/16"
  tags       = { Name = "shared" }
}

resource "aws_flow_log" "shared" {
  vpc_id               = "vpc-0123456789abcdef0"
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::platform-flow-logs"
}

resource "aws_cloudtrail" "account" {
  name                          = "account-trail"
  s3_bucket_name                = "platform-trail-logs"
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
}

# API Gateway stages
resource "aws_api_gateway_stage" "prod" {
  rest_api_id          = aws_api_gateway_rest_api.api.id
  deployment_id        = aws_api_gateway_deployment.api.id
  stage_name           = "prod"
  xray_tracing_enabled = true
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = local.access_log_format
  }
}

resource "aws_api_gateway_stage" "beta" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.api.id
  stage_name    = "beta"
}

resource "aws_api_gateway_stage" "canary" {
  rest_api_id          = aws_api_gateway_rest_api.api.id
  deployment_id        = aws_api_gateway_deployment.api.id
  stage_name           = "canary"
  xray_tracing_enabled = local.tracing
  dynamic "access_log_settings" {
    for_each = local.tracing ? [1] : [] # known only after apply
    content {
      destination_arn = aws_cloudwatch_log_group.api.arn
      format          = local.access_log_format
    }
  }
}

module "api" {
  source   = "./modules/http-api" # aws_apigatewayv2_stage.default, count = 1, no access logs
  for_each = toset(["v2"])
  name     = each.key
}

resource "aws_apigatewayv2_stage" "ws" {
  api_id      = aws_apigatewayv2_api.ws.id
  name        = "live"
  auto_deploy = true
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = local.access_log_format
  }
}

# Lambda tracing: Active, PassThrough, known after apply, and unset (module).
resource "aws_lambda_function" "api" {
  function_name = "platform-api"
  filename      = "build/platform-api.zip"
  handler       = "app.handler"
  runtime       = "python3.12"
  role          = "arn:aws:iam::111122223333:role/platform-lambda"
  tracing_config { mode = "Active" }
}

resource "aws_lambda_function" "worker" {
  function_name = "platform-worker"
  filename      = "build/platform-worker.zip"
  handler       = "app.handler"
  runtime       = "python3.12"
  role          = "arn:aws:iam::111122223333:role/platform-lambda"
  tracing_config { mode = "PassThrough" }
}

resource "aws_lambda_function" "edge" {
  function_name = "platform-edge"
  filename      = "build/platform-edge.zip"
  handler       = "app.handler"
  runtime       = "python3.12"
  role          = "arn:aws:iam::111122223333:role/platform-lambda"
  tracing_config { mode = local.tracing_mode }
}

module "fn" {
  source   = "./modules/function" # aws_lambda_function.this, count = 1, no tracing_config
  for_each = toset(["thumbs"])
  name     = each.key
}

resource "aws_cloudwatch_dashboard" "main" {
  dashboard_name = "platform"
  dashboard_body = jsonencode({ widgets = [{ type = "metric", width = 12, height = 6, properties = {
    region = "eu-west-1", title = "API errors and latency",
    metrics = [["AWS/Lambda", "Errors", "FunctionName", aws_lambda_function.api.function_name], [".", "Duration", ".", "."]]
  } }] })
}

# A global table: multi-region by itself.
resource "aws_dynamodb_table" "global" {
  name             = "platform-sessions"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "pk"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"
  attribute {
    name = "pk"
    type = "S"
  }
  replica {
    region_name            = "us-east-1"
    point_in_time_recovery = true
    propagate_tags         = true
  }
}

# aws_cloudwatch_log_group.old, aws_vpc.old, aws_api_gateway_stage.legacy and
# aws_lambda_function.old were
# removed from the configuration: the plan deletes them.
