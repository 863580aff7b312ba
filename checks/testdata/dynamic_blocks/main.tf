# Blocks a plan's configuration cannot show: plan JSON leaves `dynamic`
# blocks out, so from the plan alone each block below that is missing from
# the configuration may be unset or set dynamically. Beside this file (the
# default --config-dir), the .tf source decides. Provider: hashicorp/aws 6.x.

variable "rules" {
  type    = list(object({ port = number, cidr = string }))
  default = []
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

# A dynamic ingress whose for_each is known only after apply: the plan
# shows ingress as unknown and nothing in its configuration.
resource "aws_security_group" "dynamic_rules" {
  name   = "dynamic-rules"
  vpc_id = aws_vpc.main.id
  dynamic "ingress" {
    for_each = aws_vpc.main.cidr_block == "" ? [] : [22]
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}

# No inline rules: they live in aws_vpc_security_group_ingress_rule
# resources. The plan looks exactly like the one above.
resource "aws_security_group" "rules_elsewhere" {
  name   = "rules-elsewhere"
  vpc_id = aws_vpc.main.id
}

# A dynamic replication_configuration, for_each known only after apply.
resource "aws_s3_bucket" "dynamic_replication" {
  bucket = "dynamic-replication"
  dynamic "replication_configuration" {
    for_each = aws_vpc.main.id == "" ? [] : [1]
    content {
      role = "arn:aws:iam::123456789012:role/replication"
      rules {
        status = "Enabled"
        destination {
          bucket = "arn:aws:s3:::dr-copy"
        }
      }
    }
  }
}

# No replication at all. The plan looks exactly like the one above.
resource "aws_s3_bucket" "no_replication" {
  bucket = "no-replication"
}

# A dynamic health_check, for_each known only after apply.
resource "aws_lb_target_group" "dynamic_health_check" {
  name     = "dynamic-health-check"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = aws_vpc.main.id
  dynamic "health_check" {
    for_each = aws_vpc.main.id == "" ? [] : [1]
    content {
      enabled = false
    }
  }
}

# No health_check: AWS's defaults probe every target. The plan looks
# exactly like the one above.
resource "aws_lb_target_group" "default_health_check" {
  name     = "default-health-check"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = aws_vpc.main.id
}
