# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# The AWS provider cannot be fetched here, so plan.json is written to match
# what `terraform show -json` prints for it. Ready at fail_on high: its one
# failure (no replication) is medium.
variable "region" { default = "eu-west-1" }

provider "aws" { region = var.region }

resource "aws_s3_bucket" "assets" {
  bucket = "web-assets-prod"
  tags   = { team = "web", owner = "web-platform" }
}

resource "aws_s3_bucket_versioning" "assets" {
  bucket = aws_s3_bucket.assets.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "assets" {
  bucket = aws_s3_bucket.assets.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "assets" {
  bucket                  = aws_s3_bucket.assets.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# TLS only: deny every request that does not use HTTPS.
resource "aws_s3_bucket_policy" "assets" {
  bucket = aws_s3_bucket.assets.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::web-assets-prod", "arn:aws:s3:::web-assets-prod/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
