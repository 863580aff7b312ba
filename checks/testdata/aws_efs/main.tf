# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
variable "region" { default = "eu-west-1" }

provider "aws" { region = var.region }

# shared: Regional, encrypted, backed up and replicated.
resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
  kms_key_id     = aws_kms_key.efs.arn
  tags           = { Name = "shared" }
}

resource "aws_efs_backup_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id
  backup_policy {
    status = "ENABLED"
  }
}

resource "aws_efs_replication_configuration" "shared" {
  source_file_system_id = aws_efs_file_system.shared.id
  destination {
    region = "us-west-2"
  }
}

# scratch: One Zone, unencrypted, no backup policy.
resource "aws_efs_file_system" "scratch" {
  creation_token         = "scratch"
  availability_zone_name = "eu-west-1a"
  encrypted              = false
}

module "network" {
  source = "./modules/network"
  # resource "terraform_data" "settings" { input = { efs_zone = null } }
  # output "efs_zone" { value = terraform_data.settings.output.efs_zone }: known only after apply
}

module "app" {
  source   = "./modules/app-efs"
  for_each = toset(["api"])
  name     = each.key
  az       = module.network.efs_zone
}

# modules/app-efs (count = 1 on each resource):
#   resource "aws_efs_file_system" "this" {
#     creation_token         = var.name
#     availability_zone_name = var.az   # unknown in the plan
#     # encrypted left unset: computed
#   }
#   resource "aws_efs_backup_policy" "this" {
#     file_system_id = aws_efs_file_system.this[0].id
#     backup_policy { status = "DISABLED" }
#   }

# home: existing Regional file system (no-op); no backup policy in this
# configuration.
resource "aws_efs_file_system" "home" {
  creation_token  = "home"
  encrypted       = true
  throughput_mode = "elastic"
  tags            = { Name = "home" }
  lifecycle_policy {
    transition_to_ia = "AFTER_30_DAYS"
  }
}

# aws_efs_file_system.old was removed from the configuration: the plan deletes it.
