# The configuration that plan.json was produced from, for real, with
# Terraform 1.8.5 and only the built-in terraform_data resource (no provider
# to download):
#   terraform init
#   terraform apply -target=terraform_data.legacy   # with, beside this file,
#       resource "terraform_data" "legacy" { input = "old" }
#   (then remove that resource, so the plan deletes it)
#   terraform plan -out tfplan && terraform show -json tfplan > plan.json
variable "environment" {
  type    = string
  default = "production"
  validation {
    condition     = contains(["production", "staging"], var.environment)
    error_message = "environment must be production or staging."
  }
}

variable "backup_retention_days" {
  type    = number
  default = 1
}

resource "terraform_data" "database" {
  input = {
    environment           = var.environment
    backup_retention_days = var.backup_retention_days
  }

  lifecycle {
    precondition {
      condition     = var.environment != ""
      error_message = "environment must be set."
    }
    # Depends on the resource's id, known only after apply.
    postcondition {
      condition     = self.id != ""
      error_message = "the database has no id."
    }
  }
}

# Fails: the retention is below the team's rule.
check "backup_retention" {
  assert {
    condition     = var.backup_retention_days >= 7
    error_message = "Backups are kept ${var.backup_retention_days} day(s); the team's rule is at least 7."
  }
}

# Passes.
check "environment_tagged" {
  assert {
    condition     = terraform_data.database.input.environment == "production"
    error_message = "The database is not tagged as production."
  }
}

# Unknown at plan time: the id exists only after apply.
check "database_created" {
  assert {
    condition     = terraform_data.database.id != ""
    error_message = "The database was not created."
  }
}

module "svc" {
  source   = "./modules/svc"
  for_each = { api = 3, worker = 1 }
  name     = each.key
  replicas = each.value
}

output "database_environment" {
  value = terraform_data.database.output.environment
  precondition {
    condition     = var.environment == "production"
    error_message = "Only production databases are exported."
  }
}
