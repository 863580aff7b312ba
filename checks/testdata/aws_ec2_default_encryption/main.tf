# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
# The account encrypts new EBS volumes by default, so volumes that do not set
# encrypted are encrypted too.
variable "region" { default = "eu-west-1" }

provider "aws" { region = var.region }

resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_ebs_volume" "unset" {
  availability_zone = "eu-west-1a"
  size              = 100
  type              = "gp3"
}

resource "aws_instance" "app" {
  ami           = "ami-0c1a7f89451184c8b"
  instance_type = "m7g.large"
}

resource "aws_launch_template" "bare" {
  image_id      = "ami-0c1a7f89451184c8b"
  instance_type = "m7g.large"
}
