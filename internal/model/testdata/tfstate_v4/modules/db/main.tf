variable "password" {
  type      = string
  sensitive = true
}

resource "terraform_data" "db" {
  count = 1
  input = { engine = "postgres", password = var.password }
}
