# Override files change this configuration as Terraform merges them:
# override.tf and z_override.tf.json below. TestOverridesAsTerraform
# compares what this reader makes of it with terraform plan's values.
variable "env" {
  type    = string
  default = "staging"
}

locals {
  size = 1
  name = "base"
}

resource "terraform_data" "db" {
  input = {
    name     = local.name
    size     = local.size
    env      = var.env
    multi_az = false
  }
}

resource "terraform_data" "cache" {
  count = 1
  input = "cache-${count.index}"
}

resource "terraform_data" "kept" {
  input = "untouched"
}
