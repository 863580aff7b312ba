# A root whose cluster sits in registry and Git modules that terraform init
# has not installed here: only the database is read.
resource "aws_db_instance" "orders" {
  engine   = "postgres"
  multi_az = true

  backup_retention_period = 7
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "~> 20.0"
}
