# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
# Documents read at apply (their json unknown) are judged from their
# statement blocks; aws_iam_role.legacy and the old attachment are deleted.
provider "aws" { region = "eu-west-1" }

resource "aws_sqs_queue" "jobs" {
  name                    = "jobs"
  sqs_managed_sse_enabled = true
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/app/api"
  retention_in_days = 30
}

resource "aws_s3_bucket" "shared" { bucket = "acme-shared" }

resource "aws_ecs_cluster" "main" { name = "main" }

locals {
  admin_policy   = jsonencode({ Version = "2012-10-17", Statement = { Effect = "Allow", Action = "*", Resource = "*" } })
  ecr_policy     = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["ecr:*"], Resource = ["*"] }] })
  ecs_principals = ["ecs-tasks.amazonaws.com"]
  ecs_trust      = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }] })
  public_trust   = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "sts:AssumeRole" }] })
  partner_trust = jsonencode({ Version = "2012-10-17", Statement = [{
    Effect = "Allow", Principal = { AWS = "*" }, Action = "sts:AssumeRole",
    Condition = { StringEquals = { "sts:ExternalId" = "acme-partner-7f3a" } }
  }] })
  read_config = jsonencode({ Version = "2012-10-17", Statement = [{
    Effect = "Allow", Action = "ssm:GetParameter", Resource = "arn:aws:ssm:eu-west-1:123456789012:parameter/app/*"
  }] })
  reports_policy = jsonencode({ Version = "2012-10-17", Statement = [
    { Sid = "Objects", Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = "arn:aws:s3:::acme-reports/*" },
    { Sid = "OrgOnly", Effect = "Allow", Action = "s3:*", Resource = "*", Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123" } } },
    { Sid = "NoDelete", Effect = "Deny", Action = "*", Resource = "*" },
  ] })
  teams = {
    data = { managed_policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess", policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = ["arn:aws:s3:::acme-data/*"] }] }) }
    web  = { managed_policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess", policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["dynamodb:*"], Resource = ["*"] }] }) }
  }
}

# aws_iam_policy_wildcard: fail ("*" on "*", Statement as an object).
resource "aws_iam_policy" "admin" {
  name   = "break-glass-admin"
  policy = local.admin_policy
}

# pass: named actions; s3:* on "*" only under a condition; a Deny.
resource "aws_iam_policy" "reports" {
  name        = "reports"
  description = "Reports bucket access"
  policy      = local.reports_policy
}

# fail: NotAction on "*" (already applied: no-op).
resource "aws_iam_policy" "notaction" {
  name   = "all-but-iam"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", NotAction = ["iam:*", "organizations:*"], Resource = "*" }] })
}

data "aws_iam_policy_document" "worker" { # read at apply: the queue is new
  statement {
    actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage"]
    resources = [aws_sqs_queue.jobs.arn]
  }
}

resource "aws_iam_role_policy" "worker" { # pass: named actions
  name   = "worker"
  role   = aws_iam_role.ecs.id
  policy = data.aws_iam_policy_document.worker.json
}

data "aws_iam_policy_document" "logs" {
  statement {
    actions   = ["logs:*"]
    resources = [aws_cloudwatch_log_group.app.arn]
  }
}

resource "aws_iam_role_policy" "logs" { # unknown: logs:* on a resource known after apply
  name   = "logs"
  role   = aws_iam_role.ecs.id
  policy = data.aws_iam_policy_document.logs.json
}

data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Everything"
    effect    = "Allow"
    actions   = ["*"]
    resources = ["*"]
  }
  statement {
    actions   = ["s3:GetObject"]
    resources = [aws_s3_bucket.shared.arn]
  }
}

data "aws_iam_policy_document" "ops" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
  statement {
    effect    = "Allow"
    actions   = ["ec2:DescribeInstances"]
    resources = ["*"]
  }
}

resource "aws_iam_group" "ops" { name = "ops" }

resource "aws_iam_group_policy" "ops" { # fail: the merged base document allows "*" on "*"
  name   = "ops"
  group  = aws_iam_group.ops.name
  policy = data.aws_iam_policy_document.ops.json
}

# aws_iam_user_direct_policy
resource "aws_iam_user" "ci" { name = "ci" } # fail: inline policy and attachment

resource "aws_iam_user_policy" "ci" { # aws_iam_policy_wildcard: fail (ecr:* on "*")
  name   = "ci-ecr"
  user   = aws_iam_user.ci.name
  policy = local.ecr_policy
}

resource "aws_iam_user_policy_attachment" "ci" { # admin attachment: pass (customer managed)
  user       = aws_iam_user.ci.name
  policy_arn = aws_iam_policy.reports.arn
}

resource "aws_iam_user" "ci_bot" { name = "ci-bot" } # fail: named in aws_iam_policy_attachment users (no-op)

resource "aws_iam_user" "alice" { name = "alice" } # pass: permissions through a group

resource "aws_iam_user_group_membership" "alice" {
  user   = aws_iam_user.alice.name
  groups = [aws_iam_group.ops.name]
}

# aws_iam_user.old is deleted by this plan (removed from the configuration).

data "aws_iam_policy" "readonly" { name = "ReadOnlyAccess" } # read at plan time

resource "aws_iam_policy_attachment" "legacy_users" { # admin attachment: pass
  name       = "legacy-readonly"
  users      = ["ci-bot"]
  policy_arn = data.aws_iam_policy.readonly.arn
}

# aws_iam_role_public_trust
resource "aws_iam_role" "public" { # fail: Principal {"AWS": "*"} without a condition
  name               = "public-reader"
  assume_role_policy = local.public_trust
}

resource "aws_iam_role" "partner" { # trust pass (sts:ExternalId); wildcard fail (inline "*")
  name                = "partner"
  assume_role_policy  = local.partner_trust
  managed_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
  inline_policy {
    name   = "everything"
    policy = local.admin_policy
  }
}

data "aws_iam_policy_document" "assume_ecs" { # read at apply (effect left to its default)
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = local.ecs_principals
    }
    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = [aws_ecs_cluster.main.arn]
    }
  }
}

resource "aws_iam_role" "ecs" { # trust pass (a service); wildcard pass (inline)
  name               = "ecs-worker"
  assume_role_policy = data.aws_iam_policy_document.assume_ecs.json
  inline_policy {
    name   = "read-config"
    policy = local.read_config
  }
}

data "aws_iam_policy_document" "assume_dynamic" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.ecs.arn]
    }
  }
}

resource "aws_iam_role" "dynamic" { # trust unknown: the principal is known after apply
  name               = "dynamic"
  assume_role_policy = data.aws_iam_policy_document.assume_dynamic.json
}

# aws_iam_role.legacy (Principal "*") is deleted by this plan.

module "team" { # for_each module; attachment with count
  source             = "./modules/team"
  for_each           = local.teams
  name               = each.key
  policy             = each.value.policy
  managed_policy_arn = each.value.managed_policy_arn
}

module "people" {
  source   = "./modules/person"
  for_each = toset(["bob"])
  name     = each.key
}

# aws_iam_admin_policy_attachment
resource "aws_iam_role_policy_attachment" "worker_admin" { # fail
  role       = aws_iam_role.ecs.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_group_policy_attachment" "ops" { # fail: admin-equivalent
  group      = aws_iam_group.ops.name
  policy_arn = "arn:aws:iam::aws:policy/IAMFullAccess"
}

resource "aws_cloudformation_stack" "iam" {
  name         = "shared-iam"
  capabilities = ["CAPABILITY_NAMED_IAM"]
  template_url = "https://acme-templates.s3.amazonaws.com/shared-iam.yaml"
}

resource "aws_iam_role_policy_attachment" "external" { # unknown: ARN from a stack output
  role       = aws_iam_role.ecs.name
  policy_arn = aws_cloudformation_stack.iam.outputs["PolicyArn"]
}

# aws_iam_role_policy_attachment.old (AdministratorAccess) is deleted by this plan.

# ./modules/team/main.tf
# variable "name" {}
# variable "policy" {}
# variable "managed_policy_arn" {}
# locals { ecs_trust = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }] }) }
# resource "aws_iam_role" "this" {
#   name               = "team-${var.name}"
#   assume_role_policy = local.ecs_trust
# }
# resource "aws_iam_role_policy" "this" {
#   name   = "team-${var.name}"
#   role   = aws_iam_role.this.id
#   policy = var.policy
# }
# resource "aws_iam_role_policy_attachment" "this" {
#   count      = 1
#   role       = aws_iam_role.this.name
#   policy_arn = var.managed_policy_arn
# }
#
# ./modules/person/main.tf
# variable "name" {}
# resource "aws_iam_user" "this" { name = var.name }
