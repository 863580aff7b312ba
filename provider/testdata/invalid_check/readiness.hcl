# A custom check with a typo: the data sources refuse to give a verdict.
check "team_typo" {
  resource_types = ["aws_db_instance"]
  condition      = self.afterr.multi_az
}
