# The objectives the recovery objective checks judge plan.json against
# (read beside the fixture by checks/coverage_test.go and evidence_test.go).
objective "critical" {
  tags = { tier = "critical" }
  rpo  = "1h"
  rto  = "4h"
}

objective "fast failover" {
  resources = ["aws_rds_cluster.*"]
  rto       = "30m"
}
