resource "aws_db_instance" "orders" {
  multi_az                = true
  backup_retention_period = 7
}

module "db" {
  source = "./modules/dbb"
}
