# The configuration that plan.json models (AWS provider v6.47, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it,
# with the provider's schema from ../shared/fixtures/schemas/aws.json
# (aws_s3_bucket_website_configuration and aws_s3_bucket_logging, which that
# file leaves out, from the same generator's v6 output,
# lonegunmanb/terraform-aws-schema generated/resource/).
# What each bucket is for decides what it is asked: website buckets answer
# plain HTTP, log buckets hold copies of what happened elsewhere.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }
}

provider "aws" { region = "eu-west-1" }

# A static website on the S3 website endpoint, readable only with CloudFront's
# secret referer, so Block Public Access lets public policies through.
resource "aws_s3_bucket" "site" {
  bucket = "www.example.com"
  tags   = { team = "web" }
}

resource "aws_s3_bucket_website_configuration" "site" {
  bucket = aws_s3_bucket.site.id
  index_document {
    suffix = "index.html"
  }
  error_document {
    key = "error.html"
  }
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "CloudFrontOnly"
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::www.example.com/*"
      Condition = { StringEquals = { "aws:Referer" = "cf-7f3a9c" } }
    }]
  })
}

resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = aws_s3_bucket.site.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = false
  restrict_public_buckets = false
}

# Two buckets whose website endpoints are configured outside this plan;
# CloudFront reaches both over HTTP at those endpoints.
resource "aws_s3_bucket" "assets" {
  bucket = "assets.example.com"
  tags   = { team = "web" }
}

resource "aws_s3_bucket" "docs" {
  bucket = "docs.example.com"
  tags   = { team = "web" }
}

resource "aws_cloudfront_distribution" "assets" {
  enabled             = true
  comment             = "assets and docs"
  is_ipv6_enabled     = true
  price_class         = "PriceClass_100"
  default_root_object = "index.html"
  origin {
    origin_id   = "assets"
    domain_name = "assets.example.com.s3-website-eu-west-1.amazonaws.com"
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "http-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  origin {
    origin_id   = "docs"
    domain_name = aws_s3_bucket.docs.website_endpoint
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "http-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }
  default_cache_behavior {
    target_origin_id       = "assets"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    compress               = true
    viewer_protocol_policy = "redirect-to-https"
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6" # Managed-CachingOptimized
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    cloudfront_default_certificate = true
  }
  tags = { team = "web" }
}

# Data, with its server access logs in the logs bucket.
resource "aws_s3_bucket" "data" {
  bucket = "example-data"
  tags   = { team = "data" }
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "data/"
}

# Receives the access logs through the log-delivery ACL: the ACL settings of
# Block Public Access are off, yet nothing in it is public.
resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
  tags   = { team = "platform" }
}

resource "aws_s3_bucket_acl" "logs" {
  bucket = aws_s3_bucket.logs.id
  acl    = "log-delivery-write"
}

resource "aws_s3_bucket_public_access_block" "logs" {
  bucket                  = aws_s3_bucket.logs.id
  block_public_acls       = false
  ignore_public_acls      = false
  block_public_policy     = true
  restrict_public_buckets = true
}

# The VPC's flow logs.
resource "aws_s3_bucket" "flow_logs" {
  bucket = "example-flow-logs"
  tags   = { team = "platform" }
}

resource "aws_flow_log" "vpc" {
  vpc_id               = "vpc-0e7f1c2d3b4a59687"
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = aws_s3_bucket.flow_logs.arn
  tags                 = { team = "platform" }
}

# Public to anyone: a public-read ACL that nothing blocks.
resource "aws_s3_bucket" "exposed" {
  bucket = "example-exposed"
  tags   = { team = "data" }
}

resource "aws_s3_bucket_acl" "exposed" {
  bucket = aws_s3_bucket.exposed.id
  acl    = "public-read"
}

resource "aws_s3_bucket_public_access_block" "exposed" {
  bucket                  = aws_s3_bucket.exposed.id
  block_public_acls       = false
  ignore_public_acls      = false
  block_public_policy     = false
  restrict_public_buckets = false
}

# Data its tier tag marks critical.
resource "aws_s3_bucket" "ledger" {
  bucket = "example-ledger"
  tags   = { team = "finance", tier = "critical" }
}
