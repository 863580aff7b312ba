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

# Check blocks report readiness without blocking: a failed assertion is a
# warning in `terraform plan` and `terraform apply`, and the plan records it,
# so `readiness scan` on the saved plan fails it (check_block, high).

variable "database" {
  description = "The settings of the orders database, as given to aws_db_instance."
  type = object({
    engine              = string
    instance_class      = string
    multi_az            = bool
    storage_encrypted   = bool
    publicly_accessible = bool
  })
  default = {
    engine              = "postgres"
    instance_class      = "db.t3.medium"
    multi_az            = false
    storage_encrypted   = true
    publicly_accessible = false
  }
}

locals {
  database_failures = [
    for r in provider::readiness::check("aws_db_instance", var.database) :
    "${r.check_id}: ${r.message}" if r.status == "fail" && contains(["critical", "high"], r.severity)
  ]
}

# Fails for the default above: a single-AZ database on a burstable class.
check "database_ready" {
  assert {
    condition     = provider::readiness::ready("aws_db_instance", var.database)
    error_message = "The orders database is not production ready:\n${join("\n", local.database_failures)}"
  }
}

# A scoped data source: inside a check block, its errors are warnings too.
check "configuration_ready" {
  data "readiness_config" "app" {
    dir     = "${path.module}/../../data-sources/readiness_config/infra"
    fail_on = "critical"
  }

  assert {
    condition     = data.readiness_config.app.score >= 50
    error_message = data.readiness_config.app.summary
  }
}
