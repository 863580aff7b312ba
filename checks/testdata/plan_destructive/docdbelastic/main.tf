# The configuration before the plan that plan.json models (AWS provider
# v6.47, Terraform 1.8.5), written to match `terraform show -json`: the
# DocumentDB elastic cluster's block was removed from the configuration, so
# the plan deletes it and its data. The provider's type is
# aws_docdbelastic_cluster (no version has aws_docdb_elastic_cluster).
provider "aws" { region = "eu-west-1" }

resource "aws_docdbelastic_cluster" "catalog" {
  name                = "catalog"
  admin_user_name     = "catalog"
  admin_user_password = var.admin_password
  auth_type           = "PLAIN_TEXT"
  shard_capacity      = 2
  shard_count         = 2
}
