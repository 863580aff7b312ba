# A root whose cluster sits in a registry module terraform init has not
# installed: readiness_config fails on it unless skip_unread_modules is set.
resource "aws_db_instance" "orders" {
  engine                  = "postgres"
  instance_class          = "db.m6g.large"
  multi_az                = true
  backup_retention_period = 7
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"
}
