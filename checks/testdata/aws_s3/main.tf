# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
variable "region" { default = "eu-west-1" }

provider "aws" { region = var.region }

provider "aws" {
  alias  = "dr"
  region = "us-west-2"
}

# data: versioned, KMS-encrypted, fully blocked, replicated to data_replica.
resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
  tags   = { data = "acme-data" }
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.s3.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_replication_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  role   = aws_iam_role.replication.arn
  rule {
    id     = "all"
    status = "Enabled"
    destination {
      bucket        = aws_s3_bucket.data_replica.arn
      storage_class = "STANDARD_IA"
    }
  }
}

# data_replica: replication destination in us-west-2; new bucket without a
# Block Public Access resource or an explicit encryption configuration.
resource "aws_s3_bucket" "data_replica" {
  provider = aws.dr
  bucket   = "acme-data-replica"
  tags     = { data = "acme-data-replica" }
}

resource "aws_s3_bucket_versioning" "data_replica" {
  provider = aws.dr
  bucket   = aws_s3_bucket.data_replica.id
  versioning_configuration {
    status = "Enabled"
  }
}

# assets: existing bucket (no-op), unversioned; a new ACL makes it public.
resource "aws_s3_bucket" "assets" {
  bucket = "acme-assets"
}

resource "aws_s3_bucket_acl" "assets" {
  bucket = aws_s3_bucket.assets.id
  acl    = "public-read"
}

# logs: side resources name the bucket literally; versioning suspended and
# Block Public Access partly off.
resource "aws_s3_bucket" "logs" {
  bucket        = "acme-logs"
  force_destroy = true
  tags          = { data = "acme-logs" }
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = "acme-logs"
  versioning_configuration {
    status = "Suspended"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = "acme-logs"
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = "acme-logs"
  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# uploads: a policy that lets anyone read; no versioning, no explicit SSE.
resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
  tags   = { data = "acme-uploads" }
}

data "aws_iam_policy_document" "uploads" {
  statement {
    sid       = "PublicRead"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-uploads/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket_policy" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  policy = data.aws_iam_policy_document.uploads.json
}

module "policy" {
  source = "./modules/policy"
  # resource "terraform_data" "settings" { input = { versioning = "Enabled", block_public = true } }
  # outputs versioning and block_public read terraform_data.settings.output: known only after apply
}

module "site" {
  source     = "./modules/site-bucket"
  for_each   = toset(["docs"])
  name       = each.key
  versioning = module.policy.versioning
  block      = module.policy.block_public
}

# modules/site-bucket (count = 1 on each resource):
#   resource "aws_s3_bucket" "this" { bucket = "acme-site-${var.name}" }
#   resource "aws_s3_bucket_versioning" "this" {
#     bucket = aws_s3_bucket.this[0].id
#     versioning_configuration { status = var.versioning }
#   }
#   resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
#     bucket = aws_s3_bucket.this[0].id
#     rule { apply_server_side_encryption_by_default { sse_algorithm = "AES256" } }
#   }
#   resource "aws_s3_bucket_public_access_block" "this" {
#     bucket                  = aws_s3_bucket.this[0].id
#     block_public_acls       = var.block
#     block_public_policy     = var.block
#     ignore_public_acls      = var.block
#     restrict_public_buckets = var.block
#   }

# archive: existing bucket (no-op) whose read-back versioning is enabled; its
# Block Public Access settings are not in this configuration.
resource "aws_s3_bucket" "archive" {
  bucket = "acme-archive"
}

# aws_s3_bucket.legacy and aws_s3_bucket_versioning.legacy were removed from
# the configuration: the plan deletes them.
