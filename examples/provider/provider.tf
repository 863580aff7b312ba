# Every setting is optional; these are the defaults but for disabled_checks.
provider "readiness" {
  # production, staging or development.
  profile = "production"

  # The lowest severity whose failures make a plan or configuration not ready.
  fail_on = "high"

  # Checks that never run, whatever the profile says.
  disabled_checks = ["aws_cloudtrail_multi_region"]
}
