# The shapes that passed aws_rds_public_access falsely while lookup and
# coalesce were not evaluated: try() took its fallback.

variable "db" {
  default = {
    publicly_accessible = true
  }
}

variable "instance_class" {
  type    = string
  default = null
}

variable "port" {
  type    = number
  default = null
}

resource "aws_db_instance" "main" {
  instance_class      = try(coalesce(var.instance_class, "db.r6g.large"), null)
  port                = try(coalesce(var.port, 5432), null)
  publicly_accessible = try(lookup(var.db, "publicly_accessible"), false)
}

# terraform-aws-modules/rds-aurora's shape: an instance map whose entries
# may leave out what the module's variables default.
locals {
  instances = {
    one = {}
    two = { instance_class = "db.r6g.2xlarge", publicly_accessible = false }
  }
}

resource "aws_rds_cluster_instance" "this" {
  for_each = local.instances

  instance_class      = try(coalesce(lookup(each.value, "instance_class", null), var.instance_class, "db.r6g.large"), null)
  publicly_accessible = try(lookup(each.value, "publicly_accessible"), true)
}
