# The configuration as applied first: the prior state of plan.json (see
# generate.sh). terraform_data is built into Terraform, so nothing is
# downloaded. Each resource's input stands for a database's settings, which
# the custom checks in ../.readiness.hcl judge.

resource "terraform_data" "orders_db" {
  input = {
    multi_az  = true
    retention = 35
  }
}

resource "terraform_data" "billing_db" {
  input = {
    multi_az  = true
    retention = 14
  }
}

resource "terraform_data" "reports_db" {
  input = {
    multi_az  = false
    retention = 7
  }
}

resource "terraform_data" "staging_db" {
  input = {
    multi_az  = false
    retention = 7
  }
}

resource "terraform_data" "legacy_db" {
  input = {
    multi_az  = false
    retention = 1
  }
}
