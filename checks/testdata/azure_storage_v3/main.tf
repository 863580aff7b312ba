# The configuration that plan.json models (azurerm provider v3, whose storage
# accounts name the HTTPS flag enable_https_traffic_only; Terraform 1.8.5).
# Kept beside the plan as its source; the provider cannot be fetched here, so
# the plan is written to match what `terraform show -json` prints for it.
terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 3.100" }
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_storage_account" "old_style" {
  name                            = "acmeoldstyle"
  resource_group_name             = "data"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  allow_nested_items_to_be_public = false
}
