# The configuration plan.json plans against the state that before/main.tf
# applied (see generate.sh):
#   orders_db   multi_az true → false   update
#   billing_db  unchanged (multi-AZ)    no-op
#   reports_db  unchanged (single-AZ)   no-op
#   staging_db  multi_az false → true   update
#   legacy_db   removed (single-AZ)     delete
#   audit_db    added (single-AZ)       create

resource "terraform_data" "orders_db" {
  input = {
    multi_az  = false
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
    multi_az  = true
    retention = 7
  }
}

resource "terraform_data" "audit_db" {
  input = {
    multi_az  = false
    retention = 7
  }
}
