# The configuration that plan.json models (AWS provider v6.47, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it,
# with the provider's schema from ../shared/fixtures/schemas/aws.json.
# vpc_zone_identifier and availability_zones are optional and computed: the one
# a group leaves out is planned as known after apply.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }
}

variable "subnet_ids" { type = list(string) } # two subnets outside the plan

provider "aws" { region = "eu-west-1" }

# Default VPC, one zone listed: every instance in eu-west-1a.
resource "aws_autoscaling_group" "zonal" {
  name               = "zonal"
  min_size           = 2
  max_size           = 4
  availability_zones = ["eu-west-1a"]
  launch_template {
    id      = "lt-0a1b2c3d4e5f60718"
    version = "$Latest"
  }
  tag {
    key                 = "team"
    value               = "batch"
    propagate_at_launch = true
  }
}

# Default VPC, two zones.
resource "aws_autoscaling_group" "spread" {
  name               = "spread"
  min_size           = 2
  max_size           = 4
  availability_zones = ["eu-west-1a", "eu-west-1b"]
  launch_template {
    id      = "lt-0a1b2c3d4e5f60718"
    version = "$Latest"
  }
  tag {
    key                 = "team"
    value               = "batch"
    propagate_at_launch = true
  }
}

# One subnet outside the plan: its zone is not in the plan, but it is one zone.
resource "aws_autoscaling_group" "single_subnet" {
  name                = "single_subnet"
  min_size            = 2
  max_size            = 4
  vpc_zone_identifier = ["subnet-0e5f60718293a4b5c"]
  launch_template {
    id      = "lt-0a1b2c3d4e5f60718"
    version = "$Latest"
  }
  tag {
    key                 = "team"
    value               = "batch"
    propagate_at_launch = true
  }
}

# Two subnets outside the plan: one zone or two, the plan cannot tell.
resource "aws_autoscaling_group" "two_subnets" {
  name                = "two_subnets"
  min_size            = 2
  max_size            = 4
  vpc_zone_identifier = var.subnet_ids
  launch_template {
    id      = "lt-0a1b2c3d4e5f60718"
    version = "$Latest"
  }
  tag {
    key                 = "team"
    value               = "batch"
    propagate_at_launch = true
  }
}
