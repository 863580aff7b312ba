# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
variable "region" { default = "eu-west-1" }
variable "azs" { default = ["eu-west-1a", "eu-west-1b"] }
variable "colors" { default = ["blue", "green"] }

provider "aws" { region = var.region }

resource "aws_subnet" "public" {
  count                   = 2
  vpc_id                  = "vpc-0e7f1c2d3b4a59687"
  availability_zone       = var.azs[count.index]
  cidr_block              = "10.0.${101 + count.index}.0/24"
  map_public_ip_on_launch = true
}

resource "aws_subnet" "nlb" {
  vpc_id            = "vpc-0e7f1c2d3b4a59687"
  availability_zone = "eu-west-1a"
  cidr_block        = "10.0.120.0/24"
}

data "aws_subnets" "private" {
  filter {
    name   = "tag:Tier"
    values = ["private"]
  }
}

data "aws_ssm_parameter" "lb_settings" { # read during apply (depends on resources created here)
  name = "/lb/settings"
}

resource "aws_lb" "web" { # two zones, logs, protected
  name                       = "web"
  load_balancer_type         = "application"
  subnets                    = aws_subnet.public[*].id
  enable_deletion_protection = true
  access_logs {
    bucket  = "acme-lb-logs"
    prefix  = "web"
    enabled = true
  }
}

resource "aws_lb" "nlb" { # one subnet, no logs, unprotected
  name               = "nlb"
  load_balancer_type = "network"
  subnet_mapping {
    subnet_id = aws_subnet.nlb.id
  }
}

resource "aws_alb" "legacy" { # known subnets outside the plan, logs disabled
  name                       = "legacy"
  load_balancer_type         = "application"
  subnets                    = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  enable_deletion_protection = false
  access_logs {
    bucket  = "acme-lb-logs"
    prefix  = "legacy"
    enabled = false
  }
}

resource "aws_lb" "dynamic" { # subnets and settings known only after apply
  name                       = "dynamic"
  load_balancer_type         = "application"
  subnets                    = data.aws_subnets.private.ids
  enable_deletion_protection = tobool(data.aws_ssm_parameter.lb_settings.value)
  access_logs {
    bucket  = "acme-lb-logs"
    enabled = tobool(data.aws_ssm_parameter.lb_settings.value)
  }
}

resource "aws_lb" "inspection" { # Gateway Load Balancer: no access logs to judge
  name               = "inspection"
  load_balancer_type = "gateway"
  subnets            = aws_subnet.public[*].id
}

resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-0e7f1c2d3b4a59687"
  health_check {
    enabled = true
    path    = "/healthz"
    matcher = "200"
  }
}

resource "aws_lb_target_group" "batch" {
  name     = "batch"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-0e7f1c2d3b4a59687"
  health_check {
    enabled = false
    path    = "/healthz"
    matcher = "200"
  }
}

resource "aws_lb_target_group" "default" { # AWS default health check
  name     = "default"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-0e7f1c2d3b4a59687"
}

resource "aws_alb_target_group" "legacy" {
  name     = "legacy"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-0e7f1c2d3b4a59687"
  health_check {
    enabled = tobool(data.aws_ssm_parameter.lb_settings.value)
    path    = "/health"
  }
}

resource "aws_lb_target_group" "fn" { # Lambda targets are invoked, not probed
  name        = "fn"
  target_type = "lambda"
}

resource "aws_lb_target_group" "color" {
  count    = 2
  name     = var.colors[count.index]
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-0e7f1c2d3b4a59687"
  health_check {
    path = "/healthz"
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = aws_acm_certificate.web.arn
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb_listener" "http_redirect" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "http_forward" {
  load_balancer_arn = aws_lb.dynamic.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.default.arn
  }
}

resource "aws_lb_listener" "implicit" { # protocol unset: HTTP on an Application Load Balancer
  load_balancer_arn = aws_lb.dynamic.arn
  port              = 8080
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.batch.arn
  }
}

resource "aws_alb_listener" "legacy" { # answers 404 itself, but a rule forwards /api/* in clear text
  load_balancer_arn = aws_alb.legacy.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "fixed-response"
    fixed_response {
      content_type = "text/plain"
      message_body = "not found"
      status_code  = "404"
    }
  }
}

resource "aws_alb_listener_rule" "legacy_api" {
  listener_arn = aws_alb_listener.legacy.arn
  priority     = 10
  action {
    type             = "forward"
    target_group_arn = aws_alb_target_group.legacy.arn
  }
  condition {
    path_pattern {
      values = ["/api/*"]
    }
  }
}

resource "aws_lb_listener" "nlb_tcp" { # TCP: TLS may pass through
  load_balancer_arn = aws_lb.nlb.arn
  port              = 5432
  protocol          = "TCP"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.batch.arn
  }
}

resource "aws_elb" "classic" {
  name    = "classic"
  subnets = aws_subnet.public[*].id
  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8080
    instance_protocol  = "http"
    ssl_certificate_id = aws_acm_certificate.web.arn
  }
  health_check {
    target              = "HTTP:8080/healthz"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 3
    unhealthy_threshold = 3
  }
  access_logs {
    bucket   = aws_s3_bucket.lb_logs.id
    interval = 60
  }
}

resource "aws_elb" "old_web" { # one zone, plain HTTP, default health check, no logs
  name               = "old-web"
  availability_zones = ["eu-west-1a"]
  listener {
    lb_port           = 80
    lb_protocol       = "http"
    instance_port     = 8080
    instance_protocol = "http"
  }
}

resource "aws_elb" "tcp" {
  count   = 1
  name    = "tcp-${count.index}"
  subnets = [aws_subnet.public[count.index].id]
  listener {
    lb_port           = 5432
    lb_protocol       = "tcp"
    instance_port     = 5432
    instance_protocol = "tcp"
  }
  health_check {
    target              = "TCP:5432"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 3
    unhealthy_threshold = 3
  }
}

module "edge" {
  source     = "./modules/edge"
  count      = 1
  subnet_ids = aws_subnet.public[*].id
}

# modules/edge: an aws_lb "this" over var.subnet_ids (logs on, protected), an
# HTTPS aws_lb_listener "this", an aws_lb_target_group "this" with a health
# check, and an aws_elb "this" with an ssl listener, an SSL:8443 health check
# and access logs disabled.
#
# aws_lb.retired, aws_lb_listener.retired, aws_lb_target_group.retired and
# aws_elb.retired were removed from the configuration: the plan deletes them.
# aws_acm_certificate.web and aws_s3_bucket.lb_logs live in another state.
