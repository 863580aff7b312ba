# A readiness configuration for the provider's config_file tests.
profile = "staging"
fail_on = "critical"

checks {
  disabled = ["aws_rds_multi_az"]
}

waiver {
  check   = "aws_rds_public_access"
  address = "aws_db_instance.reports"
  reason  = "reports is reached through a bastion until the VPC move"
  owner   = "reports-team"
  expires = "2099-12-31"
}
