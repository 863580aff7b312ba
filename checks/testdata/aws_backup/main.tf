# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
# Checks: aws_backup_plan_coverage, _frequency, _retention,
# _cross_region_copy, aws_ebs_volume_backup.
variable "region" { default = "eu-west-1" }

provider "aws" { region = var.region }
provider "aws" {
  alias  = "dr"
  region = "us-west-2"
}

# Read during apply: their values are unknown in the plan.
data "aws_ssm_parameter" "schedule" { name = "/backup/schedule" }
data "aws_ssm_parameter" "tier" { name = "/backup/tier" }
data "aws_ssm_parameter" "dr_vault" { name = "/backup/dr_vault" }
data "aws_ssm_parameter" "snapshot" { name = "/backup/snapshot" }

resource "aws_backup_vault" "main" { name = "main" }
resource "aws_backup_vault" "dr" {
  provider = aws.dr
  name     = "dr"
}

resource "aws_backup_plan" "daily" { # passes all three plan checks
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 5 ? * * *)"
    lifecycle { delete_after = 35 }
    copy_action { destination_vault_arn = aws_backup_vault.dr.arn } # us-west-2
  }
}

resource "aws_backup_plan" "weekly" { # weekly, 3 days, no copy: fails all three
  name = "weekly"
  rule {
    rule_name         = "weekly"
    target_vault_name = aws_backup_vault.main.name
    schedule          = "cron(0 3 ? * SUN *)"
    lifecycle { delete_after = 3 }
  }
}

resource "aws_backup_plan" "computed" { # everything known only after apply
  name = "computed"
  rule {
    rule_name         = "tiered"
    target_vault_name = aws_backup_vault.main.name
    schedule          = data.aws_ssm_parameter.schedule.value
    lifecycle { delete_after = data.aws_ssm_parameter.tier.value }
    copy_action { destination_vault_arn = data.aws_ssm_parameter.dr_vault.value }
  }
}

module "team" { # modules/team: default schedule, kept forever, copy in-region
  source   = "./modules/team"
  for_each = { billing = "billing" }
  name     = each.key
}
# modules/team/main.tf:
# variable "name" {}
# resource "aws_backup_plan" "this" {
#   count = 1
#   name  = var.name
#   rule {
#     rule_name         = "default"
#     target_vault_name = "main"
#     copy_action { destination_vault_arn = "arn:aws:backup:eu-west-1:111122223333:backup-vault:billing-copy" }
#   }
# }

# aws_backup_plan.legacy (cron(0 5 1 * ? *), 1 day) was removed from the
# configuration: the plan deletes it.

resource "aws_backup_selection" "refs" {
  name         = "refs"
  iam_role_arn = "arn:aws:iam::111122223333:role/backup"
  plan_id      = aws_backup_plan.daily.id
  resources    = [aws_db_instance.orders.arn, aws_dynamodb_table.carts.arn]
}

resource "aws_backup_selection" "tagged" {
  name         = "tagged"
  iam_role_arn = "arn:aws:iam::111122223333:role/backup"
  plan_id      = aws_backup_plan.daily.id
  selection_tag {
    type  = "STRINGEQUALS"
    key   = "Backup"
    value = "daily"
  }
}

resource "aws_backup_selection" "tables" {
  name         = "tables"
  iam_role_arn = "arn:aws:iam::111122223333:role/backup"
  plan_id      = aws_backup_plan.weekly.id
  resources    = ["arn:aws:dynamodb:*:*:table/*"]
  condition {
    string_not_equals {
      key   = "aws:ResourceTag/Backup"
      value = "none"
    }
  }
}

resource "aws_db_instance" "orders" {
  identifier     = "orders"
  engine         = "postgres"
  instance_class = "db.m6g.large"
  multi_az       = true
  tags           = { Backup = "weekly" }
}

resource "aws_db_instance" "orders_replica" { # read replica: not judged
  identifier          = "orders-replica"
  instance_class      = "db.m6g.large"
  replicate_source_db = aws_db_instance.orders.identifier
}

module "store" { # modules/store: one aws_db_instance "this" (count = 1), tags = { Backup = "daily" }
  source   = "./modules/store"
  for_each = { eu = "eu" }
}

resource "aws_dynamodb_table" "carts" {
  name         = "carts"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
}

resource "aws_dynamodb_table" "sessions" {
  name         = "sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  tags         = { Backup = "none" }
}

resource "aws_dynamodb_table" "events" {
  name         = "events"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
}

# aws_dynamodb_table.old was removed: the plan deletes it.

resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
  tags           = { Name = "shared", Backup = data.aws_ssm_parameter.tier.value }
}

resource "aws_s3_bucket" "assets" { bucket = "example-assets" }

resource "aws_s3_bucket" "dr_copy" { # tagged, but in us-west-2: the eu-west-1 selection cannot reach it
  provider = aws.dr
  bucket   = "example-dr-copy"
  tags     = { Backup = "daily" }
}

resource "aws_dlm_lifecycle_policy" "daily" {
  description        = "daily snapshots"
  execution_role_arn = "arn:aws:iam::111122223333:role/dlm"
  state              = "ENABLED"
  policy_details {
    resource_types = ["VOLUME"]
    target_tags    = { Snapshot = "daily" }
    schedule {
      name = "daily"
      create_rule { interval = 24 }
      retain_rule { count = 14 }
    }
  }
}

resource "aws_dlm_lifecycle_policy" "nodes" { # same, resource_types = ["INSTANCE"], target_tags = { Role = "node" }
  description        = "nodes snapshots"
  execution_role_arn = "arn:aws:iam::111122223333:role/dlm"
  state              = "ENABLED"
  policy_details {
    resource_types = ["INSTANCE"]
    target_tags    = { Role = "node" }
    schedule {
      name = "nodes"
      create_rule { interval = 24 }
      retain_rule { count = 14 }
    }
  }
}

resource "aws_dlm_lifecycle_policy" "weekly" { # same, target_tags = { Snapshot = "weekly" }, state = "DISABLED"
  description        = "weekly snapshots"
  execution_role_arn = "arn:aws:iam::111122223333:role/dlm"
  state              = "DISABLED"
  policy_details {
    resource_types = ["VOLUME"]
    target_tags    = { Snapshot = "weekly" }
    schedule {
      name = "weekly"
      create_rule { interval = 24 }
      retain_rule { count = 14 }
    }
  }
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
  tags              = { Snapshot = "daily" }
}

resource "aws_ebs_volume" "logs" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
}

resource "aws_ebs_volume" "weekly" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
  tags              = { Snapshot = "weekly" }
}

resource "aws_ebs_volume" "scratch" {
  count             = 2
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
  # scratch[0]: { Name = "scratch-0", Backup = "daily" }
  # scratch[1]: { Name = "scratch-1", Snapshot = <known after apply> }
  tags = count.index == 0 ? { Name = "scratch-0", Backup = "daily" } : { Name = "scratch-1", Snapshot = data.aws_ssm_parameter.snapshot.value }
}

# aws_ebs_volume.old was removed: the plan deletes it.

module "node" { # modules/node: an aws_instance "this" tagged Role = "node", an
  # aws_ebs_volume "this" and an aws_volume_attachment "this" between them.
  source   = "./modules/node"
  for_each = { a = "a" }
}
