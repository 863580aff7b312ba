# The configuration that plan.json models (AWS provider v4.67, Terraform 1.5.7).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it,
# with the provider's schema from
# ../shared/fixtures/schemas/previous-major/aws-4.67.0.json.
# Before v5 an Auto Scaling group could carry its tags as a tags list of maps
# (key, value, propagate_at_launch) instead of tag blocks.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 4.67" }
  }
}

provider "aws" { region = "eu-west-1" }

resource "aws_autoscaling_group" "workers" {
  name                = "workers"
  min_size            = 2
  max_size            = 4
  vpc_zone_identifier = ["subnet-0e5f60718293a4b5c", "subnet-0f60718293a4b5c6d"]
  launch_template {
    id      = "lt-0a1b2c3d4e5f60718"
    version = "$Latest"
  }
  tags = [
    { key = "Name", value = "workers", propagate_at_launch = "true" },
    { key = "team", value = "batch", propagate_at_launch = "true" },
    { key = "tier", value = "critical", propagate_at_launch = "true" },
  ]
}

resource "aws_autoscaling_group" "legacy" {
  name                = "legacy"
  min_size            = 2
  max_size            = 4
  vpc_zone_identifier = ["subnet-0e5f60718293a4b5c", "subnet-0f60718293a4b5c6d"]
  launch_template {
    id      = "lt-0a1b2c3d4e5f60718"
    version = "$Latest"
  }
  tags = [
    { key = "Name", value = "legacy", propagate_at_launch = "true" },
    { key = "application", value = "reports", propagate_at_launch = "true" },
  ]
}
