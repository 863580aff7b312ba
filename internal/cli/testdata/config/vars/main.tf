# Each database's multi_az comes from a variable: which value wins shows the
# order variables are given values in.
variable "tfvars" {
  type    = bool
  default = false
}
variable "auto" {
  type    = bool
  default = false
}
variable "file" {
  type    = bool
  default = false
}
variable "flag" {
  type    = bool
  default = false
}
variable "settings" {
  type = object({
    multi_az  = bool
    retention = optional(number, 7)
  })
  default = { multi_az = false }
}
variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "tfvars" {
  multi_az                = var.tfvars
  backup_retention_period = 7
}
resource "aws_db_instance" "auto" {
  multi_az                = var.auto
  backup_retention_period = 7
}
resource "aws_db_instance" "file" {
  multi_az                = var.file
  backup_retention_period = 7
}
resource "aws_db_instance" "flag" {
  multi_az                = var.flag
  backup_retention_period = 7
}
resource "aws_db_instance" "settings" {
  multi_az                = var.settings.multi_az
  backup_retention_period = var.settings.retention
  password                = var.db_password
}
resource "aws_db_instance" "workspace" {
  multi_az                = terraform.workspace == "prod"
  backup_retention_period = 7
  password                = var.db_password
}
