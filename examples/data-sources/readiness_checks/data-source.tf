# Every check.
data "readiness_checks" "all" {}

# The AWS checks of the deployment section.
data "readiness_checks" "aws_deployment" {
  section = "deployment"
  cloud   = "aws"
}

output "check_count" {
  value = length(data.readiness_checks.all.checks)
}

output "aws_deployment" {
  value = { for c in data.readiness_checks.aws_deployment.checks : c.id => c.title }
}

# Which checks judge a resource type.
output "checks_for_rds" {
  value = [for c in data.readiness_checks.all.checks : c.id if contains(c.resource_types, "aws_db_instance")]
}
