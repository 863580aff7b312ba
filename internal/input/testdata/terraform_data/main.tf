# A configuration that plans with no provider download: the built-in
# terraform_data resource only. The binary-plan test plans it with the real
# Terraform CLI and reads the plan file back through `terraform show -json`.
variable "token" {
  type      = string
  sensitive = true
  default   = "canary-token-value"
}

resource "terraform_data" "app" {
  input = {
    name  = "app"
    token = var.token
  }
}

check "always_fails" {
  assert {
    condition     = terraform_data.app.input.name == "other"
    error_message = "the app is not called other"
  }
}
