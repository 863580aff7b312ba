profile = "beta"

checks {
  disabled = ["aws_rds_multi_a"]
}
