# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
variable "region" { default = "eu-west-1" }

provider "aws" { region = var.region }

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  type              = "gp3"
  encrypted         = true
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1a"
  size              = 100
  type              = "gp3"
  encrypted         = false
}

resource "aws_ebs_volume" "cache" { # encrypted unset: the account default decides
  count             = 2
  availability_zone = "eu-west-1a"
  size              = 50
  type              = "gp3"
}

resource "aws_ebs_volume" "restore" { # takes the encryption of its snapshot
  availability_zone = "eu-west-1a"
  snapshot_id       = "snap-0a1b2c3d4e5f60718"
  type              = "gp3"
}

module "storage" {
  source    = "./modules/storage" # aws_ebs_volume.this { encrypted = var.encrypted, size = 500, ... }
  encrypted = true
}

resource "aws_instance" "web" {
  ami           = "ami-0c1a7f89451184c8b"
  instance_type = "m7g.large"
  root_block_device {
    encrypted   = true
    volume_size = 30
    volume_type = "gp3"
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = true
    volume_size = 200
    volume_type = "gp3"
  }
}

resource "aws_instance" "bastion" {
  ami           = "ami-0c1a7f89451184c8b"
  instance_type = "m7g.large"
  root_block_device {
    encrypted   = false
    volume_size = 30
    volume_type = "gp3"
  }
}

resource "aws_instance" "app" { # root volume from the AMI: known only after apply
  count         = 2
  ami           = "ami-0c1a7f89451184c8b"
  instance_type = "m7g.large"
}

resource "aws_launch_template" "app" {
  image_id      = "ami-0c1a7f89451184c8b"
  instance_type = "m7g.large"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted   = true
      volume_size = 30
      volume_type = "gp3"
    }
  }
}

resource "aws_launch_template" "legacy" {
  image_id      = "ami-0c1a7f89451184c8b"
  instance_type = "m7g.large"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted   = true
      volume_size = 30
      volume_type = "gp3"
    }
  }
  block_device_mappings {
    device_name = "/dev/sdf"
    ebs {
      encrypted   = false
      volume_size = 30
      volume_type = "gp3"
    }
  }
}

resource "aws_launch_template" "minimal" { # no block devices: the AMI decides
  image_id      = "ami-0c1a7f89451184c8b"
  instance_type = "m7g.large"
}

module "fleet" {
  source   = "./modules/fleet" # aws_launch_template.this with an encrypted /dev/xvda, as "app"
  for_each = toset(["arm", "x86"])
}

resource "aws_launch_configuration" "encrypted" {
  image_id      = "ami-0c1a7f89451184c8b"
  instance_type = "m7g.large"
  root_block_device {
    encrypted   = true
    volume_size = 20
    volume_type = "gp3"
  }
}

resource "aws_launch_configuration" "worker" {
  image_id      = "ami-0c1a7f89451184c8b"
  instance_type = "m7g.large"
}

# aws_ebs_volume.old and aws_instance.retired were removed from the
# configuration: the plan deletes them.
