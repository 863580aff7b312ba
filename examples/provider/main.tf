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
