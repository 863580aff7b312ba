variable "name" {
  type = string
}

variable "multi_az" {
  type = bool
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id       = var.name
  description                = "cache for ${var.name}"
  node_type                  = "cache.m6g.large"
  num_cache_clusters         = 2
  multi_az_enabled           = var.multi_az
  automatic_failover_enabled = var.multi_az
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}
