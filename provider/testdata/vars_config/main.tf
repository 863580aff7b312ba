# Which database is Multi-AZ depends on where each variable gets its value.
variable "from_tfvars" {
  type    = bool
  default = false
}
variable "from_file" {
  type    = bool
  default = false
}
variable "settings" {
  type    = object({ multi_az = bool })
  default = { multi_az = false }
}
variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "tfvars" {
  engine   = "postgres"
  multi_az = var.from_tfvars
}
resource "aws_db_instance" "file" {
  engine   = "postgres"
  multi_az = var.from_file
}
resource "aws_db_instance" "settings" {
  engine   = "postgres"
  multi_az = var.settings.multi_az
}
resource "aws_db_instance" "workspace" {
  engine   = "postgres"
  multi_az = terraform.workspace == "prod"
  password = var.db_password
}
