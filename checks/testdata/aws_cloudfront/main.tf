# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
# Origins, restrictions and certificates are the same in every distribution
# and shown once, in "site".
variable "region" { default = "eu-west-1" }

provider "aws" { region = var.region }

data "aws_ssm_parameter" "cdn" { # read during apply
  name = "/cdn/settings"
}

resource "aws_cloudfront_distribution" "site" { # HTTPS everywhere, logs to S3
  enabled             = true
  is_ipv6_enabled     = true
  default_root_object = "index.html"
  origin {
    domain_name = "origin.example.com"
    origin_id   = "origin"
  }
  default_cache_behavior {
    target_origin_id       = "origin"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }
  ordered_cache_behavior {
    path_pattern           = "/account/*"
    target_origin_id       = "origin"
    viewer_protocol_policy = "https-only"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"
  }
  logging_config {
    bucket          = "acme-cdn-logs.s3.amazonaws.com"
    include_cookies = false
  }
  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate.cdn.arn
    minimum_protocol_version = "TLSv1.2_2021"
    ssl_support_method       = "sni-only"
  }
}

resource "aws_cloudfront_distribution" "legacy" { # plain HTTP allowed, no logs
  # ... as "site", with:
  default_cache_behavior {
    viewer_protocol_policy = "allow-all"
    # ...
  }
}

resource "aws_cloudfront_distribution" "api" { # /api/* over plain HTTP; logs by CloudWatch log delivery
  # ... as "site", with no logging_config and:
  ordered_cache_behavior {
    path_pattern           = "/static/*"
    viewer_protocol_policy = "redirect-to-https"
    # ...
  }
  ordered_cache_behavior {
    path_pattern           = "/api/*"
    viewer_protocol_policy = "allow-all"
    # ...
  }
}

resource "aws_cloudwatch_log_delivery_source" "api" {
  name         = "cdn-api"
  log_type     = "ACCESS_LOGS"
  resource_arn = aws_cloudfront_distribution.api.arn
}

resource "aws_cloudfront_distribution" "dynamic" { # settings read at apply
  # ... as "site", with:
  default_cache_behavior {
    viewer_protocol_policy = data.aws_ssm_parameter.cdn.value
    # ...
  }
  dynamic "logging_config" {
    for_each = jsondecode(data.aws_ssm_parameter.cdn.value).logs
    content {
      bucket = logging_config.value
    }
  }
}

resource "aws_cloudfront_distribution" "assets" {
  count = 1
  # ... as "site", with https-only in default_cache_behavior and no ordered behaviors
}

module "cdn" {
  source = "./modules/cdn" # aws_cloudfront_distribution.this: redirect-to-https, no logging_config
  domain = "docs.example.com"
}

# aws_cloudfront_distribution.old was removed from the configuration: the plan
# deletes it. aws_acm_certificate.cdn lives in another state.
