# The configuration that plan.json models (azurerm provider v3, Terraform 1.8.5).
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

resource "terraform_data" "backup_policy" {
  input = "Geo"
}

resource "terraform_data" "ha" {
  input = true
}

resource "azurerm_mssql_database" "orders" {
  name                 = "orders"
  server_id            = azurerm_mssql_server.main.id
  sku_name             = "GP_Gen5_2"
  zone_redundant       = true
  storage_account_type = "GeoZone"
}

# Zone redundancy not set (defaults to false); backups kept locally.
resource "azurerm_mssql_database" "reports" {
  name                 = "reports"
  server_id            = azurerm_mssql_server.main.id
  sku_name             = "S1"
  storage_account_type = "Local"
}

# A data warehouse without geo-backups.
resource "azurerm_mssql_database" "warehouse" {
  name               = "warehouse"
  server_id          = azurerm_mssql_server.main.id
  sku_name           = "DW100c"
  zone_redundant     = false
  geo_backup_enabled = false
}

# Backup storage known only after apply.
resource "azurerm_mssql_database" "analytics" {
  name                 = "analytics"
  server_id            = azurerm_mssql_server.main.id
  sku_name             = "HS_Gen5_2"
  zone_redundant       = true
  storage_account_type = terraform_data.backup_policy.output
}

# A pooled database: zone redundancy is the pool's.
resource "azurerm_mssql_database" "pooled" {
  count           = 1
  name            = "pooled-${count.index}"
  server_id       = azurerm_mssql_server.main.id
  elastic_pool_id = azurerm_mssql_elasticpool.shared.id
}

resource "azurerm_mssql_elasticpool" "shared" {
  name                = "shared"
  resource_group_name = "data"
  location            = "westeurope"
  server_name         = "acme-sql"
  max_size_gb         = 50
  zone_redundant      = false
  sku {
    name     = "GP_Gen5"
    tier     = "GeneralPurpose"
    family   = "Gen5"
    capacity = 2
  }
  per_database_settings {
    min_capacity = 0
    max_capacity = 2
  }
}

module "tenant" {
  source         = "./modules/tenant"
  for_each       = toset(["a"])
  server_id      = azurerm_mssql_server.main.id
  backup_storage = "Zone"
  zone_redundant = terraform_data.ha.output
}

# modules/tenant/main.tf:
#   resource "azurerm_mssql_database" "this" {
#     name                 = "tenant-a"
#     server_id            = var.server_id
#     sku_name             = "GP_Gen5_2"
#     zone_redundant       = var.zone_redundant
#     storage_account_type = var.backup_storage
#   }

# azurerm_mssql_database.old was removed from the configuration, so the plan
# deletes it.
