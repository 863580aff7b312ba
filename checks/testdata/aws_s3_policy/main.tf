# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
provider "aws" { region = "eu-west-1" }

locals {
  exports_policy = jsonencode({ Version = "2012-10-17", Statement = [{
    Effect = "Deny", Principal = { AWS = "*" }, Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-exports/*",
    Condition = { Bool = { "aws:SecureTransport" = "false" } }
  }] })
  website_policy = jsonencode({ Version = "2012-10-17", Statement = [{
    Sid = "PublicRead", Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::acme-website/*"
  }] })
  archive_policy = jsonencode({ Version = "2012-10-17", Statement = [{
    Sid = "DenyInsecure", Effect = "Deny", Principal = { AWS = "*" }, Action = "*",
    Resource  = ["arn:aws:s3:::acme-archive", "arn:aws:s3:::acme-archive/*"],
    Condition = { Bool = { "aws:SecureTransport" = false } }
  }] })
  log_buckets = {
    eu = { name = "acme-logs-eu", tls_only = 1 }
    us = { name = "acme-logs-us", tls_only = 0 }
  }
}

# pass: the document is read at apply (the bucket's ARN is new).
resource "aws_s3_bucket" "reports" { bucket = "acme-reports" }

data "aws_iam_policy_document" "reports_tls" {
  statement {
    sid       = "TLSOnly"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.reports.arn, "${aws_s3_bucket.reports.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "reports" {
  bucket = aws_s3_bucket.reports.id
  policy = data.aws_iam_policy_document.reports_tls.json
}

# fail: no bucket policy.
resource "aws_s3_bucket" "scratch" { bucket = "acme-scratch" }

# fail: plain HTTP denied for GetObject only; linked by the literal name (no-op).
resource "aws_s3_bucket" "exports" { bucket = "acme-exports" }

resource "aws_s3_bucket_policy" "exports" {
  bucket = "acme-exports"
  policy = local.exports_policy
}

# fail: a public-read policy with nothing about TLS.
resource "aws_s3_bucket" "website" { bucket = "acme-website" }

resource "aws_s3_bucket_policy" "website" {
  bucket = aws_s3_bucket.website.id
  policy = local.website_policy
}

# unknown: the policy is built from the new bucket's ARN.
resource "aws_s3_bucket" "uploads" { bucket = "acme-uploads" }

resource "aws_s3_bucket_policy" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{
    Effect = "Deny", Principal = "*", Action = "s3:*", Resource = ["${aws_s3_bucket.uploads.arn}/*"],
    Condition = { Bool = { "aws:SecureTransport" = "false" } }
  }] })
}

# pass: the deprecated inline policy argument (no-op).
resource "aws_s3_bucket" "archive" {
  bucket = "acme-archive"
  policy = local.archive_policy
}

# module: eu gets the TLS-only policy (document read at plan time), us none.
module "logs" {
  source   = "./modules/logs"
  for_each = local.log_buckets
  name     = each.value.name
  tls_only = each.value.tls_only
}

# aws_s3_bucket.old is deleted by this plan.

# ./modules/logs/main.tf
# variable "name" {}
# variable "tls_only" {}
# locals { arns = ["arn:aws:s3:::${var.name}", "arn:aws:s3:::${var.name}/*"] }
# resource "aws_s3_bucket" "this" { bucket = var.name }
# data "aws_iam_policy_document" "tls" {
#   count = var.tls_only
#   statement {
#     sid       = "TLSOnly"
#     effect    = "Deny"
#     actions   = ["s3:*"]
#     resources = local.arns
#     principals {
#       type        = "*"
#       identifiers = ["*"]
#     }
#     condition {
#       test     = "Bool"
#       variable = "aws:SecureTransport"
#       values   = ["false"]
#     }
#   }
# }
# resource "aws_s3_bucket_policy" "this" {
#   count  = var.tls_only
#   bucket = aws_s3_bucket.this.id
#   policy = data.aws_iam_policy_document.tls[0].json
# }
