variable "name" { type = string }
variable "replicas" { type = number }

resource "terraform_data" "svc" {
  input = { name = var.name, replicas = var.replicas }
}

# A team's own rule inside a module, instantiated per for_each key.
check "replicas" {
  assert {
    condition     = var.replicas >= 2
    error_message = "Service ${var.name} runs ${var.replicas} replica(s); production needs at least 2."
  }
}
