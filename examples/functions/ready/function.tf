resource "terraform_data" "database" {
  # In a real configuration: an aws_db_instance, judged through self.
  input = {
    engine                  = "postgres"
    instance_class          = "db.m6g.large"
    multi_az                = true
    storage_encrypted       = true
    publicly_accessible     = false
    backup_retention_period = 7
    deletion_protection     = true
  }

  lifecycle {
    # false when any check of severity high or critical fails.
    postcondition {
      condition     = provider::readiness::ready("aws_db_instance", self.output)
      error_message = "The database is not production ready."
    }
  }
}
