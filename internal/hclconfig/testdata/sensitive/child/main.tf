variable "secret" {
  sensitive = true
}

variable "salt" {
  sensitive = true
  default   = "KANARY-child-default"
}

resource "aws_s3_bucket" "b" {
  bucket = var.secret
}

resource "aws_elasticache_replication_group" "cache" {
  node_type                  = var.salt
  automatic_failover_enabled = false
}
