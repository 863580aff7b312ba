variable "name" {
  type = string
}

resource "aws_db_instance" "main" {
  count          = 1
  identifier     = var.name
  instance_class = "db.r6g.large"
  multi_az       = var.name == "green"
}

output "id" {
  value = aws_db_instance.main[0].id
}
