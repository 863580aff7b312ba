# Shared by every example: the provider's source address. With a
# dev_overrides CLI configuration (see internal/e2e), Terraform uses a local
# build and needs no terraform init.
terraform {
  required_version = ">= 1.8.0"
  required_providers {
    readiness = {
      source = "prodready/readiness"
    }
  }
}

# Preconditions stop a plan whose inputs are not production ready, before
# anything is created; postconditions check what was created, once its
# values are known. terraform_data stands in for the real resources here:
# in your configuration, judge aws_db_instance.main or self directly.

variable "database" {
  type = object({
    engine                  = string
    instance_class          = string
    multi_az                = bool
    storage_encrypted       = bool
    publicly_accessible     = bool
    backup_retention_period = number
    deletion_protection     = bool
  })
  default = {
    engine                  = "postgres"
    instance_class          = "db.m6g.large"
    multi_az                = true
    storage_encrypted       = true
    publicly_accessible     = false
    backup_retention_period = 7
    deletion_protection     = true
  }
}

resource "terraform_data" "database" {
  input = var.database

  lifecycle {
    # Known at plan time: the plan fails if the settings are not ready.
    precondition {
      condition     = provider::readiness::ready("aws_db_instance", var.database)
      error_message = "The database settings are not production ready: ${join(", ", [for r in provider::readiness::check("aws_db_instance", var.database) : r.check_id if r.status == "fail"])}."
    }

    # Checked after apply, against what was created.
    postcondition {
      condition     = provider::readiness::ready("aws_db_instance", self.output)
      error_message = "The database was created without production readiness."
    }
  }
}

output "database_results" {
  value = {
    for r in provider::readiness::check("aws_db_instance", var.database) : r.check_id => r.status
  }
}
