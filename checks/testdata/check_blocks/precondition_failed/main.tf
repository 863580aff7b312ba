# The configuration that plan.json was produced from, for real, with
# Terraform 1.8.5 and only the built-in terraform_data resource:
#   terraform init && terraform plan -out tfplan   (planning fails: the
#   precondition does not hold; Terraform still writes the errored plan)
#   terraform show -json tfplan > plan.json
variable "n" { default = 1 }
resource "terraform_data" "a" {
  input = var.n
  lifecycle {
    precondition {
      condition     = var.n > 2
      error_message = "n too small"
    }
  }
}
