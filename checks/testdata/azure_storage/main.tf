# The configuration that plan.json models (azurerm provider v4, Terraform 1.8.5).
# Kept beside the plan as its source; the provider cannot be fetched here, so
# the plan is written to match what `terraform show -json` prints for it.
terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }
  }
}

provider "azurerm" {
  features {}
}

resource "terraform_data" "storage_policy" {
  input = "LRS"
}

resource "azurerm_storage_account" "data" {
  name                            = "acmedata"
  resource_group_name             = "data"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GZRS"
  min_tls_version                 = "TLS1_2"
  allow_nested_items_to_be_public = false
}

# Locally redundant; plain HTTP allowed.
resource "azurerm_storage_account" "logs" {
  name                            = "acmelogs"
  resource_group_name             = "data"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  https_traffic_only_enabled      = false
  allow_nested_items_to_be_public = false
}

# Zone redundant; TLS 1.0 allowed.
resource "azurerm_storage_account" "legacy" {
  name                            = "acmelegacy"
  resource_group_name             = "data"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  min_tls_version                 = "TLS1_0"
  allow_nested_items_to_be_public = false
}

# Replication and TLS version known only after apply.
resource "azurerm_storage_account" "diag" {
  count                           = 1
  name                            = "acmediag${count.index}"
  resource_group_name             = "data"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = terraform_data.storage_policy.output
  min_tls_version                 = terraform_data.storage_policy.output
  allow_nested_items_to_be_public = false
}

module "app" {
  source      = "./modules/app"
  for_each    = toset(["web"])
  replication = "RAGRS"
}

# modules/app/main.tf: an azurerm_storage_account "this" named "acmeweb" with
# account_replication_type = var.replication and the provider's defaults.

# azurerm_storage_account.old was removed from the configuration, so the plan
# deletes it.
