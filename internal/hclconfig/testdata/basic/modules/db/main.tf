variable "name" {
  type = string
}

variable "multi_az" {
  type    = bool
  default = false
}

variable "nodes" {
  type    = number
  default = 2
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id       = var.name
  description                = "cache for ${var.name}"
  node_type                  = "cache.m6g.large"
  num_cache_clusters         = var.nodes
  multi_az_enabled           = var.multi_az
  automatic_failover_enabled = var.multi_az
  at_rest_encryption_enabled = true
  subnet_group_name          = aws_elasticache_subnet_group.this.name
}

resource "aws_elasticache_subnet_group" "this" {
  name       = var.name
  subnet_ids = ["subnet-1", "subnet-2"]
}

output "id" {
  value = var.name
}
