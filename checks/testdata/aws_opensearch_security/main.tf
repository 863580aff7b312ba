# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
# Blocks the configuration leaves out are computed by the provider: the plan
# shows them as known only after apply.
provider "aws" { region = "eu-west-1" }

resource "aws_opensearch_domain" "secure" { # pass everywhere
  domain_name    = "secure"
  engine_version = "OpenSearch_2.13"
  cluster_config {
    instance_type          = "r6g.large.search"
    instance_count         = 3
    zone_awareness_enabled = true
    zone_awareness_config { availability_zone_count = 3 }
  }
  ebs_options {
    ebs_enabled = true
    volume_size = 100
    volume_type = "gp3"
  }
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }
  encrypt_at_rest { enabled = true }
  node_to_node_encryption { enabled = true }
}

resource "aws_opensearch_domain" "plain" { # fail everywhere
  domain_name    = "plain"
  engine_version = "OpenSearch_2.13"
  cluster_config {
    instance_type          = "r6g.large.search"
    instance_count         = 3
    zone_awareness_enabled = true
    zone_awareness_config { availability_zone_count = 3 }
  }
  ebs_options {
    ebs_enabled = true
    volume_size = 100
    volume_type = "gp3"
  }
  domain_endpoint_options {
    enforce_https       = false
    tls_security_policy = "Policy-Min-TLS-1-0-2019-07"
  }
  encrypt_at_rest { enabled = false }
  node_to_node_encryption { enabled = false }
}

resource "aws_opensearch_domain" "defaults" { # unknown everywhere: left to the service
  domain_name    = "defaults"
  engine_version = "OpenSearch_2.13"
  cluster_config {
    instance_type          = "r6g.large.search"
    instance_count         = 3
    zone_awareness_enabled = true
    zone_awareness_config { availability_zone_count = 3 }
  }
  ebs_options {
    ebs_enabled = true
    volume_size = 100
    volume_type = "gp3"
  }
}

resource "aws_elasticsearch_domain" "legacy" { # already applied: TLS 1.0 allowed, nodes in clear text
  domain_name           = "legacy"
  elasticsearch_version = "7.10"
  cluster_config {
    instance_type          = "r6g.large.search"
    instance_count         = 3
    zone_awareness_enabled = true
    zone_awareness_config { availability_zone_count = 3 }
  }
  ebs_options {
    ebs_enabled = true
    volume_size = 100
    volume_type = "gp3"
  }
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-0-2019-07"
  }
  encrypt_at_rest {
    enabled    = true
    kms_key_id = "arn:aws:kms:eu-west-1:123456789012:key/0b1f3c2a-2f56-4d7e-9b8a-3e1c5d7f9a21"
  }
  node_to_node_encryption { enabled = false }
}

module "search" { # HTTPS enforced, TLS policy left to the service (unknown)
  source   = "./modules/search"
  for_each = toset(["logs"])
  name     = each.key
}

# aws_opensearch_domain.old is deleted by this plan.

# ./modules/search/main.tf
# variable "name" {}
# resource "aws_opensearch_domain" "this" {
#   count          = 1
#   domain_name    = var.name
#   engine_version = "OpenSearch_2.13"
#   cluster_config { ... as above ... }
#   ebs_options { ... as above ... }
#   domain_endpoint_options { enforce_https = true }
#   encrypt_at_rest { enabled = true }
#   node_to_node_encryption { enabled = true }
# }
