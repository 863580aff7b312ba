variable "password" {
  type      = string
  sensitive = true
  default   = "s3cr3t-canary"
}

resource "terraform_data" "single" {
  input = { name = "one", secret = var.password, list = ["a", var.password] }
}

resource "terraform_data" "counted" {
  count = 2
  input = "n${count.index}"
}

resource "terraform_data" "each" {
  for_each = toset(["blue", "green"])
  input    = each.key
}

module "db" {
  source   = "./modules/db"
  for_each = { primary = 1 }
  password = var.password
}

data "terraform_remote_state" "none" {
  backend = "local"
  config  = { path = "${path.module}/nothing.tfstate" }
  defaults = { x = 1 }
}

output "secret" {
  value     = var.password
  sensitive = true
}
