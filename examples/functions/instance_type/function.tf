variable "instance_type" {
  type    = string
  default = "m7g.large"
}

locals {
  type = provider::readiness::instance_type(var.instance_type)
}

output "instance_type" {
  value = local.type
}

# Graviton (arm64) images need arm64 instance types.
check "architecture" {
  assert {
    condition     = local.type.architecture == "arm64"
    error_message = "${var.instance_type} is ${local.type.architecture}, but the image is built for arm64."
  }
}
