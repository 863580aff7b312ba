# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
variable "region" { default = "eu-west-1" }
variable "azs" { default = ["eu-west-1a", "eu-west-1b", "eu-west-1c"] }
variable "tls_enabled" { default = null }

provider "aws" { region = var.region }

# sessions: failover, Multi-AZ, both encryptions, snapshots.
resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id        = "sessions"
  description                 = "web sessions"
  engine                      = "redis"
  engine_version              = "7.1"
  node_type                   = "cache.r7g.large"
  num_cache_clusters          = 3
  automatic_failover_enabled  = true
  multi_az_enabled            = true
  preferred_cache_cluster_azs = var.azs
  at_rest_encryption_enabled  = true
  kms_key_id                  = aws_kms_key.cache.arn
  transit_encryption_enabled  = true
  transit_encryption_mode     = "required"
  auth_token                  = random_password.redis.result
  snapshot_retention_limit    = 7
  snapshot_window             = "03:00-05:00"
  subnet_group_name           = "private-cache"
}

# queue: one node, no failover, no encryption, no snapshots.
resource "aws_elasticache_replication_group" "queue" {
  replication_group_id       = "queue"
  description                = "job queue"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 1
  at_rest_encryption_enabled = false
  transit_encryption_enabled = false
}

# leaderboard: encrypted both ways; failover, Multi-AZ and snapshot retention
# come from settings known only after apply.
resource "terraform_data" "cache_policy" {
  input = { failover = true, snapshot_days = 3 }
}

resource "aws_elasticache_replication_group" "leaderboard" {
  replication_group_id       = "leaderboard"
  description                = "game leaderboard"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = "cache.r7g.large"
  num_cache_clusters         = 2
  automatic_failover_enabled = terraform_data.cache_policy.output.failover
  multi_az_enabled           = terraform_data.cache_policy.output.failover
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  snapshot_retention_limit   = terraform_data.cache_policy.output.snapshot_days
  snapshot_window            = "03:00-05:00"
  subnet_group_name          = "private-cache"
  tags                       = { team = "games" }
}

module "cache" {
  source   = "./modules/redis"
  for_each = toset(["eu"])
  name     = each.key
  tls      = var.tls_enabled # null: left to the provider
}

# modules/redis: cluster mode with failover but without Multi-AZ; at-rest
# encryption left unset (computed).
#   resource "aws_elasticache_replication_group" "this" {
#     count                      = 1
#     replication_group_id       = "cache-${var.name}"
#     description                = "shared cache"
#     engine                     = "valkey"
#     engine_version             = "7.2"
#     node_type                  = "cache.r7g.large"
#     cluster_mode               = "enabled"
#     num_node_groups            = 2
#     replicas_per_node_group    = 1
#     automatic_failover_enabled = true
#     snapshot_retention_limit   = 1
#     parameter_group_name       = "default.valkey7.cluster.on"
#     transit_encryption_enabled = var.tls
#   }

resource "aws_elasticache_cluster" "memcached" {
  cluster_id                 = "catalog-cache"
  engine                     = "memcached"
  engine_version             = "1.6.22"
  node_type                  = "cache.r7g.large"
  num_cache_nodes            = 3
  az_mode                    = "cross-az"
  transit_encryption_enabled = true
  port                       = 11211
}

# az_mode and TLS left to the API.
resource "aws_elasticache_cluster" "pool" {
  cluster_id      = "pool"
  engine          = "memcached"
  node_type       = "cache.t4g.medium"
  num_cache_nodes = 2
}

resource "aws_elasticache_cluster" "sidecar" {
  cluster_id      = "sidecar"
  engine          = "memcached"
  node_type       = "cache.t4g.micro"
  num_cache_nodes = 1
  az_mode         = "single-az"
}

resource "aws_elasticache_cluster" "redis_single" {
  cluster_id                 = "rate-limits"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = "cache.t4g.small"
  num_cache_nodes            = 1
  snapshot_retention_limit   = 5
  transit_encryption_enabled = false
}

# A reader added to the sessions group: judged through the group.
resource "aws_elasticache_cluster" "replica_member" {
  cluster_id           = "sessions-reader"
  replication_group_id = aws_elasticache_replication_group.sessions.id
}

# aws_elasticache_replication_group.old was removed from the configuration: the plan deletes it.
