# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
provider "aws" { region = "eu-west-1" }

resource "aws_kms_key" "queues" { enable_key_rotation = true }

# aws_sqs_encryption_at_rest
resource "aws_sqs_queue" "orders" { # pass: SSE-KMS, key created by this plan
  name              = "orders"
  kms_master_key_id = aws_kms_key.queues.arn
}

resource "aws_sqs_queue" "emails" { # pass: SSE-SQS
  name                    = "emails"
  sqs_managed_sse_enabled = true
}

resource "aws_sqs_queue" "events" { name = "events" } # unknown: left to SQS's default

resource "aws_sqs_queue" "legacy" { name = "legacy" } # fail: existing queue, SSE off (no-op)

resource "aws_sqs_queue" "audit" { # unknown: false is not sent on create, SQS's default applies
  name                    = "audit"
  sqs_managed_sse_enabled = false
}

data "aws_ssm_parameter" "queue_key" { # read at apply; its value is sensitive
  name       = "/shared/queue-key-arn"
  depends_on = [aws_kms_key.queues]
}

resource "aws_sqs_queue" "partner" { # unknown: the key comes from SSM at apply
  name              = "partner"
  kms_master_key_id = data.aws_ssm_parameter.queue_key.value
}

module "worker" { # queue with SSE-SQS (pass), topic without a key (fail), both counted
  source   = "./modules/worker"
  for_each = toset(["billing"])
  name     = each.key
}

# aws_sqs_queue.old and aws_sns_topic.old are deleted by this plan.

# aws_sns_encryption_at_rest
resource "aws_kms_key" "topics" { enable_key_rotation = true }

resource "aws_sns_topic" "alerts" { # pass
  name              = "alerts"
  kms_master_key_id = "alias/aws/sns"
}

resource "aws_sns_topic" "plain" { name = "plain" } # fail

resource "aws_sns_topic" "billing" { # pass: key created by this plan
  name              = "billing"
  kms_master_key_id = aws_kms_key.topics.id
}

resource "aws_sns_topic" "partner" { # unknown
  name              = "partner"
  kms_master_key_id = data.aws_ssm_parameter.queue_key.value
}

# ./modules/worker/main.tf
# variable "name" {}
# resource "aws_sqs_queue" "this" {
#   count                   = 1
#   name                    = var.name
#   sqs_managed_sse_enabled = true
# }
# resource "aws_sns_topic" "this" {
#   count = 1
#   name  = "${var.name}-events"
# }
