variable "env" {
  default = "production"
}

locals {
  size = 3
}

resource "terraform_data" "db" {
  input = {
    name     = local.name
    size     = local.size
    env      = var.env
    multi_az = true
  }
}

resource "terraform_data" "cache" {
  count = 2
}
