# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
variable "region" { default = "eu-west-1" }
variable "azs" { default = ["eu-west-1a", "eu-west-1b", "eu-west-1c"] }
variable "shared_subnet_ids" { type = list(string) }        # two subnets outside the plan
variable "shared_target_group_arns" { type = list(string) } # a target group outside the plan

provider "aws" { region = var.region }

locals {
  app_subnets    = [for s in aws_subnet.private : s.id]
  edge_subnets   = [aws_subnet.edge.id]
  worker_subnets = { blue = ["subnet-0c3d4e5f607182930", "subnet-0d4e5f60718293a4b"], green = [aws_subnet.legacy_a.id, aws_subnet.legacy_b.id] }
}

resource "aws_vpc" "main" {
  cidr_block           = "10.0.0.0/16"
  enable_dns_hostnames = true
  tags                 = { Name = "main" }
}

resource "aws_subnet" "private" {
  count             = 3
  vpc_id            = aws_vpc.main.id
  availability_zone = var.azs[count.index]
  cidr_block        = "10.0.${count.index + 1}.0/24"
  tags              = { Name = "private-${var.azs[count.index]}" }
}

resource "aws_subnet" "batch" {
  vpc_id            = aws_vpc.main.id
  availability_zone = "eu-west-1a"
  cidr_block        = "10.0.10.0/24"
  tags              = { Name = "batch" }
}

resource "aws_vpc" "edge" {
  cidr_block           = "10.1.0.0/16"
  enable_dns_hostnames = true
  tags                 = { Name = "edge" }
}

resource "aws_subnet" "edge" { # the only subnet of the edge VPC
  vpc_id            = aws_vpc.edge.id
  availability_zone = "eu-west-1c"
  cidr_block        = "10.1.1.0/24"
  tags              = { Name = "edge" }
}

# Subnets of the existing shared VPC, imported earlier (no-op in this plan).
resource "aws_subnet" "legacy_a" {
  vpc_id            = "vpc-0e7f1c2d3b4a59687"
  availability_zone = "eu-west-1a"
  cidr_block        = "172.31.16.0/20"
  tags              = { Name = "legacy_a" }
}

resource "aws_subnet" "legacy_b" {
  vpc_id            = "vpc-0e7f1c2d3b4a59687"
  availability_zone = "eu-west-1b"
  cidr_block        = "172.31.32.0/20"
  tags              = { Name = "legacy_b" }
}

data "aws_subnet" "shared" {
  id = "subnet-0c3d4e5f607182930"
}

resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = aws_vpc.main.id
}

resource "aws_security_group" "edge" {
  name   = "edge"
  vpc_id = aws_vpc.edge.id
}

resource "aws_launch_template" "app" {
  name_prefix            = "app-"
  image_id               = "ami-0c1a7f89451184c8b"
  instance_type          = "m7g.large"
  vpc_security_group_ids = [aws_security_group.app.id]
}

resource "aws_launch_template" "edge" {
  name_prefix            = "edge-"
  image_id               = "ami-0c1a7f89451184c8b"
  instance_type          = "m7g.large"
  vpc_security_group_ids = [aws_security_group.edge.id]
}

resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = aws_vpc.main.id
}

# An existing internal load balancer over the two shared subnets.
resource "aws_lb" "internal" {
  name                       = "internal"
  internal                   = true
  security_groups            = ["sg-0a9b8c7d6e5f40312"]
  subnets                    = var.shared_subnet_ids
  enable_deletion_protection = true
}

resource "aws_autoscaling_group" "web" { # three zones, ELB health checks, a policy
  name                = "web"
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = aws_subnet.private[*].id
  target_group_arns   = [aws_lb_target_group.web.arn]
  health_check_type   = "ELB"
  launch_template {
    id      = aws_launch_template.app.id
    version = "$Latest"
  }
}

resource "aws_autoscaling_policy" "web_cpu" {
  name                   = "web-cpu"
  autoscaling_group_name = aws_autoscaling_group.web.name
  policy_type            = "TargetTrackingScaling"
  target_tracking_configuration {
    predefined_metric_specification {
      predefined_metric_type = "ASGAverageCPUUtilization"
    }
    target_value = 50
  }
}

resource "aws_autoscaling_group" "batch" { # one subnet, fixed size
  name                = "batch"
  min_size            = 2
  max_size            = 2
  vpc_zone_identifier = [aws_subnet.batch.id]
  launch_template {
    id      = aws_launch_template.app.id
    version = "$Latest"
  }
}

resource "aws_autoscaling_group" "queue" { # each in the subnet of its own index
  count               = 2
  name                = "queue-${count.index}"
  min_size            = 1
  max_size            = 3
  vpc_zone_identifier = [aws_subnet.private[count.index].id]
  load_balancers      = ["queue-${count.index}"] # Classic Load Balancers outside the plan
  health_check_type   = "EC2"
  launch_template {
    id      = aws_launch_template.app.id
    version = "$Latest"
  }
}

resource "aws_autoscaling_schedule" "queue_night" { # names queue-0 by value
  autoscaling_group_name = "queue-0"
  scheduled_action_name  = "night"
  recurrence             = "0 20 * * *"
  time_zone              = "Europe/Dublin"
  min_size               = 1
  max_size               = 1
  desired_capacity       = 1
}

resource "aws_autoscaling_group" "opaque" { # subnets from a local; cluster-autoscaler scales it
  name                = "opaque"
  min_size            = 1
  max_size            = 5
  vpc_zone_identifier = local.app_subnets
  launch_template {
    id      = aws_launch_template.app.id
    version = "$Latest"
  }
  tag {
    key                 = "k8s.io/cluster-autoscaler/enabled"
    value               = "true"
    propagate_at_launch = true
  }
}

resource "aws_autoscaling_attachment" "opaque" {
  autoscaling_group_name = aws_autoscaling_group.opaque.id
  lb_target_group_arn    = aws_lb_target_group.web.arn
}

resource "aws_autoscaling_group" "edge" { # subnets from a local, in the edge VPC (one zone)
  name                = "edge"
  min_size            = 1
  max_size            = 1
  vpc_zone_identifier = local.edge_subnets
  launch_template {
    id      = aws_launch_template.edge.id
    version = "$Latest"
  }
}

resource "aws_autoscaling_group" "classic" { # default VPC, two zones
  name               = "classic"
  min_size           = 2
  max_size           = 4
  availability_zones = ["eu-west-1a", "eu-west-1b"]
  launch_template {
    id      = aws_launch_template.app.id
    version = "$Latest"
  }
}

data "aws_ssm_parameter" "hc_type" {
  name = "/asg/shared/health-check-type"
}

resource "aws_autoscaling_group" "shared" { # the same two subnets as aws_lb.internal
  name                = "shared"
  min_size            = 2
  max_size            = 8
  vpc_zone_identifier = var.shared_subnet_ids
  target_group_arns   = var.shared_target_group_arns
  health_check_type   = data.aws_ssm_parameter.hc_type.value
  launch_template {
    id      = aws_launch_template.app.id
    version = "$Latest"
  }
}

module "workers" { # for_each over known subnet IDs
  source             = "./modules/workers"
  for_each           = local.worker_subnets
  name               = "workers-${each.key}"
  subnet_ids         = each.value
  target_group_arns  = each.key == "green" ? [aws_lb_target_group.web.arn] : []
  launch_template_id = aws_launch_template.app.id
}

# modules/workers:
#   variable "name" {}
#   variable "subnet_ids" {}
#   variable "launch_template_id" {}
#   variable "target_group_arns" {}
#   resource "aws_autoscaling_group" "this" {
#     name                = var.name
#     min_size            = 1
#     max_size            = 4
#     vpc_zone_identifier = var.subnet_ids
#     target_group_arns   = var.target_group_arns
#     health_check_type   = "ELB"
#     launch_template {
#       id      = var.launch_template_id
#       version = "$Latest"
#     }
#   }
#   resource "aws_autoscaling_policy" "scale_out" {
#     name                   = "scale-out"
#     autoscaling_group_name = aws_autoscaling_group.this.name
#     policy_type            = "SimpleScaling"
#     adjustment_type        = "ChangeInCapacity"
#     scaling_adjustment     = 1
#     cooldown               = 120
#   }
#   output "name" { value = aws_autoscaling_group.this.name }

# aws_autoscaling_group.retired was removed from the configuration: the plan deletes it.
