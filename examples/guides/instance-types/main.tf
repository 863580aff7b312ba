# Shared by every example: the provider's source address. With a
# dev_overrides CLI configuration (see internal/e2e), Terraform uses a local
# build and needs no terraform init.
terraform {
  required_version = ">= 1.8.0"
  required_providers {
    readiness = {
      source = "prodready/readiness"
    }
  }
}

# Choosing instance types with the catalogue: GPUs for training, Graviton
# (arm64) for the API, and no burstable or previous-generation types for
# anything that serves traffic.

variable "training_type" {
  type    = string
  default = "p4d.24xlarge"
}

variable "api_type" {
  type    = string
  default = "c7g.xlarge"
}

locals {
  training = provider::readiness::instance_type(var.training_type)
  api      = provider::readiness::instance_type(var.api_type)
}

resource "terraform_data" "training_fleet" {
  input = var.training_type

  lifecycle {
    precondition {
      condition     = local.training.gpus >= 8 && local.training.memory_gib >= 512
      error_message = "${var.training_type} has ${local.training.gpus} GPUs and ${local.training.memory_gib} GiB: training needs 8 GPUs and 512 GiB."
    }
  }
}

check "api_instance_type" {
  assert {
    condition     = local.api.architecture == "arm64"
    error_message = "${var.api_type} is ${local.api.architecture}: the API image is built for arm64 (Graviton)."
  }

  assert {
    condition     = !local.api.burstable && local.api.generation == "current"
    error_message = "${var.api_type} is burstable or of a previous generation: pick a current, fixed-performance type."
  }
}

data "readiness_instance_type" "gpu_inference" {
  name = "g5.2xlarge"
}

output "choices" {
  value = {
    training = "${local.training.gpus} x ${local.training.gpu_model}, ${local.training.vcpus} vCPUs, ${local.training.memory_gib} GiB"
    api      = "${local.api.vcpus} vCPUs (${local.api.architecture}), ${local.api.memory_gib} GiB"
    infer    = "${data.readiness_instance_type.gpu_inference.gpus} x ${data.readiness_instance_type.gpu_inference.gpu_model}"
  }
}
