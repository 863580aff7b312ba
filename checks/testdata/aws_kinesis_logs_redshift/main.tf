# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
provider "aws" { region = "eu-west-1" }

variable "shared_key_arn" {
  default = "arn:aws:kms:eu-west-1:123456789012:key/6d2e1f4a-8c3b-4a5d-9e7f-1b2c3d4e5f60"
}

resource "aws_kms_key" "data" { enable_key_rotation = true }

data "aws_ssm_parameter" "stream_encryption" { # read at apply; its value is sensitive
  name       = "/platform/stream-encryption"
  depends_on = [aws_kms_key.data]
}

# aws_kinesis_stream_encryption
resource "aws_kinesis_stream" "events" { # pass
  name            = "events"
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"
  stream_mode_details { stream_mode = "ON_DEMAND" }
}

resource "aws_kinesis_stream" "raw" { # fail: encryption_type defaults to NONE
  name = "raw"
  stream_mode_details { stream_mode = "ON_DEMAND" }
}

resource "aws_kinesis_stream" "partner" { # unknown
  name            = "partner"
  encryption_type = data.aws_ssm_parameter.stream_encryption.value
  stream_mode_details { stream_mode = "ON_DEMAND" }
}

# aws_log_group_kms_key
resource "aws_cloudwatch_log_group" "api" { # pass: key created by this plan
  name              = "/app/api"
  retention_in_days = 30
  kms_key_id        = aws_kms_key.data.arn
}

resource "aws_cloudwatch_log_group" "worker" { # fail: service-owned keys only
  name              = "/app/worker"
  retention_in_days = 30
}

resource "aws_cloudwatch_log_group" "partner" { # unknown
  name              = "/app/partner"
  retention_in_days = 30
  kms_key_id        = data.aws_ssm_parameter.stream_encryption.value
}

# aws_redshift_encryption_at_rest
resource "aws_redshift_cluster" "warehouse" { # pass
  cluster_identifier                  = "warehouse"
  node_type                           = "ra3.xlplus"
  number_of_nodes                     = 2
  master_username                     = "admin"
  manage_master_password              = true
  automated_snapshot_retention_period = 7
  publicly_accessible                 = false
  final_snapshot_identifier           = "warehouse-final"
  encrypted                           = true
}

resource "aws_redshift_cluster" "legacy" { # fail: existing cluster, not encrypted (no-op)
  cluster_identifier                  = "legacy"
  node_type                           = "ra3.xlplus"
  number_of_nodes                     = 2
  master_username                     = "admin"
  manage_master_password              = true
  automated_snapshot_retention_period = 7
  publicly_accessible                 = false
  final_snapshot_identifier           = "legacy-final"
}

resource "aws_redshift_cluster" "analytics" { # unknown: new, encrypted left to Redshift's default
  cluster_identifier                  = "analytics"
  node_type                           = "ra3.xlplus"
  number_of_nodes                     = 2
  master_username                     = "admin"
  manage_master_password              = true
  automated_snapshot_retention_period = 7
  publicly_accessible                 = false
  final_snapshot_identifier           = "analytics-final"
}

module "ingest" { # stream, log group and cluster, each counted, all encrypted with KMS
  source      = "./modules/ingest"
  for_each    = toset(["clicks"])
  name        = each.key
  kms_key_arn = var.shared_key_arn
}

# aws_kinesis_stream.old, aws_cloudwatch_log_group.old and aws_redshift_cluster.old
# are deleted by this plan.

# ./modules/ingest/main.tf
# variable "name" {}
# variable "kms_key_arn" {}
# resource "aws_kinesis_stream" "this" {
#   count           = 1
#   name            = var.name
#   encryption_type = "KMS"
#   kms_key_id      = "alias/aws/kinesis"
#   stream_mode_details { stream_mode = "ON_DEMAND" }
# }
# resource "aws_cloudwatch_log_group" "this" {
#   count             = 1
#   name              = "/ingest/${var.name}"
#   retention_in_days = 30
#   kms_key_id        = var.kms_key_arn
# }
# resource "aws_redshift_cluster" "this" {
#   count                               = 1
#   cluster_identifier                  = var.name
#   node_type                           = "ra3.xlplus"
#   number_of_nodes                     = 2
#   master_username                     = "admin"
#   manage_master_password              = true
#   automated_snapshot_retention_period = 7
#   publicly_accessible                 = false
#   final_snapshot_identifier           = var.name
#   encrypted                           = true
#   kms_key_id                          = var.kms_key_arn
# }
