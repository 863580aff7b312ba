# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
variable "region" { default = "eu-west-1" }
variable "azs" { default = ["eu-west-1a", "eu-west-1b"] }

provider "aws" { region = var.region }

resource "aws_subnet" "private" {
  count             = 2
  vpc_id            = "vpc-0e7f1c2d3b4a59687"
  availability_zone = var.azs[count.index]
  cidr_block        = "10.0.${count.index + 1}.0/24"
}

resource "aws_subnet" "single" {
  vpc_id            = "vpc-0e7f1c2d3b4a59687"
  availability_zone = "eu-west-1a"
  cidr_block        = "10.0.9.0/24"
}

data "aws_subnets" "private" { # read during apply
  filter {
    name   = "tag:Tier"
    values = ["private"]
  }
}

data "aws_ssm_parameter" "scale" { # read during apply
  name = "/ecs/dynamic/scale"
}

resource "aws_ecs_cluster" "main" {
  name = "main"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_task_definition" "api" { # Fargate: task-level cpu and memory
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "512"
  memory                   = "1024"
  container_definitions    = jsonencode([{ name = "api", image = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/api:1.8.0", essential = true /* ... */ }])
}

resource "aws_ecs_task_definition" "worker" { # EC2: cpu and memory per container, a health check
  family                   = "worker"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"
  container_definitions = jsonencode([
    { name = "worker", cpu = 256, memory = 512, essential = true, healthCheck = { command = ["CMD-SHELL", "curl -fsS http://localhost:8080/healthz || exit 1"], interval = 15, retries = 3, timeout = 5 } /* ... */ },
    { name = "log-router", cpu = 64, memory = 128, essential = true /* ... */ },
  ])
}

resource "aws_ecs_task_definition" "legacy" { # only a soft memory reservation, no cpu, no health check
  family                   = "legacy"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"
  container_definitions    = jsonencode([{ name = "legacy", memoryReservation = 256, essential = true /* ... */ }])
}

resource "aws_ecs_task_definition" "dynamic" { # container definitions known only after apply
  family                   = "dynamic"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"
  container_definitions    = jsonencode([{ name = "dynamic", image = "${aws_ecr_repository.app.repository_url}:latest", essential = true }])
}

resource "aws_ecs_service" "api" { # two zones, load balancer, circuit breaker, autoscaling
  name            = "api"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.api.arn
  launch_type     = "FARGATE"
  desired_count   = 3
  network_configuration {
    subnets         = aws_subnet.private[*].id
    security_groups = [aws_security_group.tasks.id]
  }
  load_balancer {
    target_group_arn = aws_lb_target_group.api.arn
    container_name   = "api"
    container_port   = 8080
  }
  health_check_grace_period_seconds = 60
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}

resource "aws_appautoscaling_target" "api" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.main.name}/${aws_ecs_service.api.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = 3
  max_capacity       = 12
}

resource "aws_appautoscaling_policy" "api_cpu" {
  name               = "cpu"
  policy_type        = "TargetTrackingScaling"
  resource_id        = aws_appautoscaling_target.api.resource_id
  scalable_dimension = aws_appautoscaling_target.api.scalable_dimension
  service_namespace  = aws_appautoscaling_target.api.service_namespace
  target_tracking_scaling_policy_configuration {
    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
    target_value = 60
  }
}

resource "aws_ecs_service" "worker" { # one subnet; the circuit breaker does not roll back
  name            = "worker"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.worker.arn
  launch_type     = "FARGATE"
  desired_count   = 1
  network_configuration {
    subnets         = [aws_subnet.single.id]
    security_groups = [aws_security_group.tasks.id]
  }
  deployment_circuit_breaker {
    enable   = true
    rollback = false
  }
}

resource "aws_appautoscaling_target" "worker" { # names the service by value; pinned at two tasks
  service_namespace  = "ecs"
  resource_id        = "service/main/worker"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = 2
  max_capacity       = 2
}

resource "aws_ecs_service" "legacy" { # EC2 bridge networking, deployed by CodeDeploy
  name            = "legacy"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.legacy.arn
  launch_type     = "EC2"
  desired_count   = 2
  deployment_controller {
    type = "CODE_DEPLOY"
  }
}

resource "aws_codedeploy_app" "legacy" {
  compute_platform = "ECS"
  name             = "legacy"
}

resource "aws_codedeploy_deployment_group" "legacy" {
  app_name               = aws_codedeploy_app.legacy.name
  deployment_group_name  = "legacy"
  deployment_config_name = "CodeDeployDefault.ECSCanary10Percent5Minutes"
  service_role_arn       = aws_iam_role.codedeploy.arn
  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]
  }
  deployment_style {
    deployment_option = "WITH_TRAFFIC_CONTROL"
    deployment_type   = "BLUE_GREEN"
  }
  ecs_service {
    cluster_name = aws_ecs_cluster.main.name
    service_name = aws_ecs_service.legacy.name
  }
  # blue_green_deployment_config and load_balancer_info omitted here
}

resource "aws_ecs_service" "dynamic" { # everything known only after apply; an external controller
  name            = "dynamic"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.dynamic.arn
  launch_type     = "EC2"
  desired_count   = tonumber(data.aws_ssm_parameter.scale.value)
  network_configuration {
    subnets         = data.aws_subnets.private.ids
    security_groups = [aws_security_group.tasks.id]
  }
  deployment_controller {
    type = "EXTERNAL"
  }
}

resource "aws_appautoscaling_target" "dynamic" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.main.name}/${aws_ecs_service.dynamic.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = tonumber(data.aws_ssm_parameter.scale.value)
  max_capacity       = tonumber(data.aws_ssm_parameter.scale.value) * 4
}

resource "aws_ecs_service" "agent" { # a daemon on every container instance
  name                = "agent"
  cluster             = aws_ecs_cluster.main.id
  task_definition     = aws_ecs_task_definition.worker.arn
  launch_type         = "EC2"
  scheduling_strategy = "DAEMON"
}

module "jobs" {
  source       = "./modules/job"
  for_each     = toset(["exports", "reports"])
  name         = each.key
  cluster_id   = aws_ecs_cluster.main.id
  cluster_name = aws_ecs_cluster.main.name
  subnet_ids   = aws_subnet.private[*].id
}

# modules/job: an aws_ecs_task_definition "this" (Fargate, cpu 256, memory 512,
# a container health check), an aws_ecs_service "this" (desired_count 2 over
# var.subnet_ids, circuit breaker with rollback), an aws_appautoscaling_target
# "this" (2..6, resource_id "service/${var.cluster_name}/${aws_ecs_service.this.name}")
# and an aws_appautoscaling_policy "cpu" on it.

resource "aws_codedeploy_deployment_group" "ec2_app" { # in place, no rollback
  app_name              = "ec2-app"
  deployment_group_name = "ec2-app"
  service_role_arn      = aws_iam_role.codedeploy.arn
  autoscaling_groups    = ["ec2-app"]
}

resource "aws_codedeploy_deployment_config" "linear" {
  deployment_config_name = "linear-25"
  minimum_healthy_hosts {
    type  = "FLEET_PERCENT"
    value = 75
  }
  traffic_routing_config {
    type = "TimeBasedLinear"
    time_based_linear {
      interval   = 5
      percentage = 25
    }
  }
}

resource "aws_codedeploy_deployment_group" "blue" { # linear traffic shifting; rollback switch read at apply
  app_name               = "blue"
  deployment_group_name  = "blue"
  deployment_config_name = aws_codedeploy_deployment_config.linear.id
  service_role_arn       = aws_iam_role.codedeploy.arn
  auto_rollback_configuration {
    enabled = tobool(data.aws_ssm_parameter.scale.value)
    events  = ["DEPLOYMENT_FAILURE"]
  }
}

resource "aws_codedeploy_deployment_group" "fn" { # Lambda canaries
  count                  = 2
  app_name               = "fn-${count.index}"
  deployment_group_name  = "fn-${count.index}"
  deployment_config_name = "CodeDeployDefault.LambdaCanary10Percent5Minutes"
  service_role_arn       = aws_iam_role.codedeploy.arn
  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE"]
  }
  deployment_style {
    deployment_option = "WITH_TRAFFIC_CONTROL"
    deployment_type   = "BLUE_GREEN"
  }
}

resource "aws_codedeploy_deployment_group" "switch" { # deployment type read at apply
  app_name              = "switch"
  deployment_group_name = "switch"
  service_role_arn      = aws_iam_role.codedeploy.arn
  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE"]
  }
  deployment_style {
    deployment_option = "WITH_TRAFFIC_CONTROL"
    deployment_type   = data.aws_ssm_parameter.scale.value
  }
}

module "deploy" {
  source   = "./modules/deploy" # aws_codedeploy_deployment_group.this: BLUE_GREEN for the "api" group, auto rollback
  app_name = "api"
}

# aws_ecs_task_definition.old, aws_ecs_service.old and
# aws_codedeploy_deployment_group.retired were removed from the configuration:
# the plan deletes them. aws_security_group.tasks, aws_lb_target_group.api,
# aws_ecr_repository.app and aws_iam_role.codedeploy live in another state.

# An existing subnet (no change in this plan) with a known ID, and a
# resource pinned to it alone: the known ID proves a single zone.
resource "aws_subnet" "pinned" {
  vpc_id            = "vpc-0a1b2c3d4e5f60001"
  availability_zone = "eu-west-1a"
  cidr_block        = "10.0.200.0/24"
}

resource "aws_ecs_service" "pinned" {
  # as aws_ecs_service.worker, but in aws_subnet.pinned only
  network_configuration {
    subnets = ["subnet-0a1b2c3d4e5f60001"]
  }
}
