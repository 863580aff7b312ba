variable "name" {
  type = string
}

resource "aws_db_instance" "main" {
  count             = 1
  identifier        = var.name
  instance_class    = "db.r6g.large"
  multi_az          = false
  storage_encrypted = false
}
