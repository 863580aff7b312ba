# The shapes teams use for environments: one root, a tfvars file per
# environment, manifests kept as YAML files (cli's TestScanEnvironments).

variable "environment" {
  type = string
}

variable "multi_az" {
  type    = bool
  default = false
}

variable "replicas" {
  type    = number
  default = 1
}

locals {
  deployment = yamldecode(file("${path.module}/deployment.yaml"))
}

resource "aws_db_instance" "orders" {
  identifier              = "orders-${var.environment}"
  instance_class          = "db.m6g.large"
  engine                  = "postgres"
  multi_az                = var.multi_az
  storage_encrypted       = true
  backup_retention_period = 7
  deletion_protection     = true
  tags                    = { team = "orders", environment = var.environment }
}

resource "kubernetes_manifest" "api" {
  manifest = merge(local.deployment, {
    spec = merge(local.deployment.spec, { replicas = var.replicas })
  })
}
