# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
# Checks: aws_route53_routing_health_check, aws_route53_health_check_effective.
variable "region" { default = "eu-west-1" }

provider "aws" { region = var.region }

locals { zone_id = "Z0123456789ABCDEFGHIJ" }

# Read during apply: their values are unknown in the plan.
data "aws_ssm_parameter" "dns" { name = "/dns/health_check_id" }
data "aws_ssm_parameter" "maintenance" { name = "/dns/maintenance" }

resource "aws_route53_health_check" "api_primary" {
  fqdn              = "api.example.com"
  type              = "HTTPS"
  port              = 443
  resource_path     = "/healthz"
  failure_threshold = 3
  request_interval  = 30
}

resource "aws_route53_health_check" "legacy" { # exists already (no-op), id d1b8a2e4-...
  fqdn              = "api.example.com"
  type              = "HTTPS"
  port              = 443
  resource_path     = "/healthz"
  failure_threshold = 3
  request_interval  = 30
  disabled          = true
}

resource "aws_route53_health_check" "combined" {
  type                   = "CALCULATED"
  child_health_threshold = 0
  child_healthchecks     = [aws_route53_health_check.legacy.id]
}

resource "aws_route53_health_check" "by_region" {
  for_each          = { eu = "eu-west-1" }
  fqdn              = "api.example.com"
  type              = "HTTPS"
  port              = 443
  resource_path     = "/healthz"
  failure_threshold = 3
  request_interval  = 30
  disabled          = data.aws_ssm_parameter.maintenance.value
}

# aws_route53_health_check.old (TCP) and aws_route53_record.old_failover were
# removed from the configuration: the plan deletes them.

resource "aws_route53_record" "api_primary" {
  zone_id         = local.zone_id
  name            = "api.example.com"
  type            = "A"
  set_identifier  = "api_primary"
  health_check_id = aws_route53_health_check.api_primary.id
  records         = ["203.0.113.10"]
  ttl             = 60
  failover_routing_policy { type = "PRIMARY" }
}

resource "aws_route53_record" "api_secondary" {
  zone_id        = local.zone_id
  name           = "api.example.com"
  type           = "A"
  set_identifier = "api_secondary"
  records        = ["198.51.100.10"]
  ttl            = 60
  failover_routing_policy { type = "SECONDARY" }
}

resource "aws_route53_record" "web_primary" {
  zone_id        = local.zone_id
  name           = "api.example.com"
  type           = "A"
  set_identifier = "web_primary"
  records        = ["203.0.113.10"]
  ttl            = 60
  failover_routing_policy { type = "PRIMARY" }
}

resource "aws_route53_record" "app_primary" {
  zone_id         = local.zone_id
  name            = "api.example.com"
  type            = "A"
  set_identifier  = "app_primary"
  health_check_id = "d1b8a2e4-5c6f-4a7b-9c0d-1e2f3a4b5c6d"
  records         = ["203.0.113.10"]
  ttl             = 60
  failover_routing_policy { type = "PRIMARY" }
}

resource "aws_route53_record" "latency" {
  for_each = {
    "eu-west-1" = { dns = "api-eu-west-1.elb.amazonaws.com", eth = true }
    "us-east-1" = { dns = "api-us-east-1.elb.amazonaws.com", eth = false }
  }
  zone_id        = local.zone_id
  name           = "api.example.com"
  type           = "A"
  set_identifier = each.key
  latency_routing_policy { region = each.key }
  alias {
    name                   = each.value.dns
    zone_id                = "Z32O12XQLNTSW2"
    evaluate_target_health = each.value.eth
  }
}

resource "aws_route53_record" "www" { # simple routing: not judged
  zone_id = local.zone_id
  name    = "api.example.com"
  type    = "A"
  records = ["203.0.113.20"]
  ttl     = 60
}

module "dns" {
  source          = "./modules/dns"
  health_check_id = data.aws_ssm_parameter.dns.value
}
# modules/dns/main.tf:
# variable "health_check_id" {}
# resource "aws_route53_record" "this" {
#   count           = 1
#   zone_id         = "Z0123456789ABCDEFGHIJ"
#   name            = "api.example.com"
#   type            = "A"
#   set_identifier  = "eu"
#   health_check_id = var.health_check_id
#   records         = ["203.0.113.10"]
#   ttl             = 60
#   latency_routing_policy { region = "eu-west-1" }
# }
# resource "aws_route53_health_check" "this" { # disabled unset
#   fqdn              = "api.example.com"
#   type              = "HTTPS"
#   port              = 443
#   resource_path     = "/healthz"
#   failure_threshold = 3
#   request_interval  = 30
# }
