locals {
  database = {
    engine                  = "postgres"
    instance_class          = "db.m6g.large"
    multi_az                = false
    storage_encrypted       = true
    backup_retention_period = 7
  }

  results = provider::readiness::check("aws_db_instance", local.database)
}

# The IDs of the checks that fail, such as ["aws_rds_multi_az", ...].
output "failing_checks" {
  value = [for r in local.results : r.check_id if r.status == "fail"]
}

# Every result: check_id, title, section, category, severity, status,
# address and message.
output "results" {
  value = local.results
}
