# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
# Check: aws_ecs_task_tracing.
variable "region" { default = "eu-west-1" }

provider "aws" { region = var.region }

data "aws_ssm_parameter" "image" { name = "/ecs/image" } # read during apply

resource "aws_ecs_cluster" "main" { name = "main" }

locals {
  fargate = {
    cpu                      = "512"
    memory                   = "1024"
    network_mode             = "awsvpc"
    requires_compatibilities = ["FARGATE"]
    execution_role_arn       = "arn:aws:iam::111122223333:role/ecs-exec"
  }
  subnets = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
}

# Each task definition below sets cpu, memory, network_mode,
# requires_compatibilities and execution_role_arn as in local.fargate.
resource "aws_ecs_task_definition" "api" { # OpenTelemetry sidecar
  family = "api"
  container_definitions = jsonencode([
    { name = "api", image = "example/api:2.0.1", essential = true },
    { name = "otel", image = "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0", essential = false },
  ])
}

resource "aws_ecs_task_definition" "worker" { # a log router, no tracing
  family = "worker"
  container_definitions = jsonencode([
    { name = "worker", image = "example/worker:2.0.1", essential = true },
    { name = "log_router", image = "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable", essential = false },
  ])
}

resource "aws_ecs_task_definition" "dynamic" { # known only after apply
  family                = "dynamic"
  container_definitions = data.aws_ssm_parameter.image.value
}

resource "aws_ecs_task_definition" "batch" { # no service runs it: not judged
  family                = "batch"
  container_definitions = jsonencode([{ name = "batch", image = "example/batch:2.0.1", essential = true }])
}

# aws_ecs_task_definition.old and aws_ecs_service.old were removed: the plan
# deletes them.

resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = aws_ecs_cluster.main.arn
  task_definition = aws_ecs_task_definition.api.arn
  desired_count   = 2
  launch_type     = "FARGATE"
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
  network_configuration { subnets = local.subnets }
}
# aws_ecs_service.worker and aws_ecs_service.dynamic: the same, running
# their task definitions.

module "app" {
  source   = "./modules/app"
  for_each = { orders = "orders" }
  name     = each.key
  cluster  = aws_ecs_cluster.main.arn
}
# modules/app/main.tf: an aws_ecs_task_definition "this" (count = 1) whose one
# container sets OTEL_EXPORTER_OTLP_ENDPOINT = "http://otel.internal:4317",
# and an aws_ecs_service "this" (count = 1) running
# aws_ecs_task_definition.this[0].arn on var.cluster.
