# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
variable "region" { default = "eu-west-1" }

provider "aws" { region = var.region }

data "aws_ssm_parameter" "search" { # read during apply
  name = "/search/settings"
}

resource "aws_opensearch_domain" "logs" { # three zones, error and slow logs
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"
  cluster_config {
    instance_type          = "r6g.large.search"
    instance_count         = 3
    zone_awareness_enabled = true
    zone_awareness_config {
      availability_zone_count = 3
    }
  }
  log_publishing_options {
    log_type                 = "ES_APPLICATION_LOGS"
    enabled                  = true
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.search.arn
  }
  log_publishing_options {
    log_type                 = "SEARCH_SLOW_LOGS"
    enabled                  = true
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.search.arn
  }
}

resource "aws_opensearch_domain" "search" { # no zone awareness, slow logs only
  domain_name    = "search"
  engine_version = "OpenSearch_2.13"
  cluster_config {
    instance_type          = "r6g.large.search"
    instance_count         = 2
    zone_awareness_enabled = false
  }
  log_publishing_options {
    log_type                 = "INDEX_SLOW_LOGS"
    enabled                  = true
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.search.arn
  }
}

resource "aws_opensearch_domain" "tiny" { # defaults: one node, no logs
  domain_name    = "tiny"
  engine_version = "OpenSearch_2.13"
}

resource "aws_opensearch_domain" "dynamic" { # settings read at apply
  domain_name    = "dynamic"
  engine_version = "OpenSearch_2.13"
  cluster_config {
    instance_type          = "r6g.large.search"
    instance_count         = 2
    zone_awareness_enabled = tobool(data.aws_ssm_parameter.search.value)
  }
  log_publishing_options {
    log_type                 = "ES_APPLICATION_LOGS"
    enabled                  = tobool(data.aws_ssm_parameter.search.value)
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.search.arn
  }
}

resource "aws_opensearch_domain" "standby" { # Multi-AZ with standby
  domain_name    = "standby"
  engine_version = "OpenSearch_2.13"
  cluster_config {
    instance_type                 = "r6g.large.search"
    instance_count                = 3
    zone_awareness_enabled        = true
    multi_az_with_standby_enabled = true
    zone_awareness_config {
      availability_zone_count = 3
    }
  }
  log_publishing_options {
    log_type                 = "ES_APPLICATION_LOGS"
    enabled                  = true
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.search.arn
  }
}

resource "aws_elasticsearch_domain" "legacy" { # zone awareness with one node; error logs disabled
  count                 = 1
  domain_name           = "legacy"
  elasticsearch_version = "7.10"
  cluster_config {
    instance_type          = "r6g.large.search"
    instance_count         = 1
    zone_awareness_enabled = true
  }
  log_publishing_options {
    log_type                 = "ES_APPLICATION_LOGS"
    enabled                  = false
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.search.arn
  }
}

module "search" {
  source = "./modules/search" # aws_opensearch_domain.this: two zones, two nodes, error logs
  name   = "catalog"
}

# aws_opensearch_domain.old was removed from the configuration: the plan
# deletes it. aws_cloudwatch_log_group.search lives in another state.
