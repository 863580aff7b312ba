# The configuration readiness_config judges in this example: it is read,
# never planned, so its providers need not be installed.
variable "env" {
  type    = string
  default = "prod"
}

resource "aws_db_instance" "orders" {
  identifier              = "orders-${var.env}"
  engine                  = "postgres"
  instance_class          = "db.m6g.large"
  multi_az                = var.env == "prod"
  storage_encrypted       = true
  publicly_accessible     = false
  backup_retention_period = 7
  deletion_protection     = true
  tags                    = { team = "orders" }
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions-${var.env}"
  description                = "sessions"
  node_type                  = "cache.t4g.micro"
  num_cache_clusters         = 1
  automatic_failover_enabled = false
  at_rest_encryption_enabled = true
}
