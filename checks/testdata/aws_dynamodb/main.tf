# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
variable "region" { default = "eu-west-1" }

provider "aws" { region = var.region }

provider "aws" {
  alias  = "dr"
  region = "us-west-2"
}

# orders: on-demand global table with PITR, a KMS key and deletion protection.
resource "aws_dynamodb_table" "orders" {
  name                        = "orders"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  range_key                   = "sk"
  deletion_protection_enabled = true
  stream_enabled              = true
  stream_view_type            = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "pk"
    type = "S"
  }
  attribute {
    name = "sk"
    type = "S"
  }
  point_in_time_recovery {
    enabled = true
  }
  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.tables.arn
  }
  replica {
    region_name            = "us-west-2"
    kms_key_arn            = aws_kms_key.tables_dr.arn
    point_in_time_recovery = true
    propagate_tags         = true
  }
}

# sessions: an existing provisioned table (update: tags) that gains autoscaling
# targets linked by reference; PITR off, no protection.
resource "aws_dynamodb_table" "sessions" {
  name           = "sessions"
  billing_mode   = "PROVISIONED"
  hash_key       = "pk"
  read_capacity  = 5
  write_capacity = 5
  attribute {
    name = "pk"
    type = "S"
  }
  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }
  tags = { team = "web" }
}

resource "aws_appautoscaling_target" "sessions_read" {
  service_namespace  = "dynamodb"
  resource_id        = "table/${aws_dynamodb_table.sessions.name}"
  scalable_dimension = "dynamodb:table:ReadCapacityUnits"
  min_capacity       = 5
  max_capacity       = 100
}

resource "aws_appautoscaling_target" "sessions_write" {
  service_namespace  = "dynamodb"
  resource_id        = "table/${aws_dynamodb_table.sessions.name}"
  scalable_dimension = "dynamodb:table:WriteCapacityUnits"
  min_capacity       = 5
  max_capacity       = 50
}

# events: provisioned (the default) without autoscaling; PITR and protection unset.
resource "aws_dynamodb_table" "events" {
  name           = "events"
  hash_key       = "pk"
  range_key      = "sk"
  read_capacity  = 20
  write_capacity = 20
  attribute {
    name = "pk"
    type = "S"
  }
  attribute {
    name = "sk"
    type = "S"
  }
}

module "tenant" {
  source   = "./modules/tenant-table"
  for_each = toset(["acme"])
  name     = each.key
}

# modules/tenant-table:
#   resource "aws_dynamodb_table" "this" {
#     count                       = 1
#     name                        = var.name   # acme-ledger
#     hash_key                    = "pk"
#     read_capacity               = 10
#     write_capacity              = 10
#     deletion_protection_enabled = true
#     stream_enabled              = true
#     stream_view_type            = "NEW_AND_OLD_IMAGES"
#     attribute { ... }
#     point_in_time_recovery {
#       enabled                 = true
#       recovery_period_in_days = 35
#     }
#   }
#   output "table_arn" { value = aws_dynamodb_table.this[0].arn }

# Linked by the literal table name only.
resource "aws_appautoscaling_target" "acme_write" {
  service_namespace  = "dynamodb"
  resource_id        = "table/acme-ledger"
  scalable_dimension = "dynamodb:table:WriteCapacityUnits"
  min_capacity       = 10
  max_capacity       = 200
}

resource "aws_dynamodb_table_replica" "acme" {
  provider               = aws.dr
  global_table_arn       = module.tenant["acme"].table_arn
  point_in_time_recovery = true
}

module "capacity" {
  source = "./modules/capacity"
  # resource "terraform_data" "settings" {
  #   input = { billing_mode = "PROVISIONED", deletion_protection = true }
  # }
  # output "billing_mode" { value = terraform_data.settings.output.billing_mode }
  # output "deletion_protection" { value = terraform_data.settings.output.deletion_protection }
}

# cache: billing mode known only after apply.
resource "aws_dynamodb_table" "cache" {
  name                        = "cache"
  billing_mode                = module.capacity.billing_mode
  hash_key                    = "pk"
  read_capacity               = 5
  write_capacity              = 5
  deletion_protection_enabled = false
  attribute {
    name = "pk"
    type = "S"
  }
  point_in_time_recovery {
    enabled = false
  }
}

# audit: on-demand with PITR; deletion protection known only after apply.
resource "aws_dynamodb_table" "audit" {
  name                        = "audit"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  range_key                   = "sk"
  deletion_protection_enabled = module.capacity.deletion_protection
  attribute {
    name = "pk"
    type = "S"
  }
  attribute {
    name = "sk"
    type = "S"
  }
  point_in_time_recovery {
    enabled = true
  }
}

# aws_dynamodb_table.retired was removed from the configuration: the plan deletes it.
