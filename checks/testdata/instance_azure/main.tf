# The configuration that plan.json models (azurerm provider v3, Terraform 1.8.5).
# Kept beside the plan as its source; the provider cannot be fetched here, so
# the plan is written to match what `terraform show -json` prints for it.
# Shared by the instance_choice checks.
terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 3.100" }
  }
}

variable "location" { default = "westeurope" }
variable "admin_password" { sensitive = true }
variable "db_password" { sensitive = true }

provider "azurerm" {
  features {}
}

# Values known only after apply.
resource "terraform_data" "size" { input = "Standard_D4s_v5" }
resource "terraform_data" "priority" { input = "Regular" }

# --- Virtual machines (resource group rg-app-prod, zone 1, Ubuntu 22.04 or
# Windows Server 2022, a Premium_LRS OS disk)
resource "azurerm_linux_virtual_machine" "app" {
  name = "app"
  size = "Standard_D2s_v5"
  tags = { team = "orders" }
}
resource "azurerm_linux_virtual_machine" "old" { size = "Standard_DS2" } # previous generation
resource "azurerm_windows_virtual_machine" "tiny" { size = "Standard_B1s" } # 1 GiB
resource "azurerm_linux_virtual_machine" "unlisted" { size = "Standard_E2bs_v5" } # not in the catalogue
resource "azurerm_linux_virtual_machine" "cuda" {
  size = "Standard_D4s_v5"
  tags = { gpu = "true" } # asks for a GPU, gets none
}
resource "azurerm_linux_virtual_machine" "pending" { size = terraform_data.size.output }
# azurerm_linux_virtual_machine.gone was removed from the configuration: deleted.

module "compute" {
  source   = "./modules/compute" # azurerm_linux_virtual_machine.this, count = 1
  for_each = { api = "Standard_D4as_v5", batch = "Standard_A2" }
  size     = each.value
  nic_ids  = azurerm_network_interface.shared.id
}

resource "azurerm_linux_virtual_machine_scale_set" "web" {
  name      = "web"
  sku       = "Standard_B2s"
  instances = 2
  zones     = ["1", "2", "3"]
}

resource "azurerm_windows_virtual_machine_scale_set" "gpu" {
  name      = "gpu"
  sku       = "Standard_NC4as_T4_v3"
  instances = 2
  zones     = ["1", "2", "3"]
  tags      = { workload = "gpu" }
}

resource "azurerm_virtual_machine" "legacy" { vm_size = "Standard_A1" }
resource "azurerm_virtual_machine" "render" {
  vm_size = "Standard_NV12s_v3" # a GPU nothing asks for
  tags    = { team = "media" }
}

# --- AKS
resource "azurerm_kubernetes_cluster" "aks" {
  name       = "aks-prod"
  dns_prefix = "aks-prod"
  sku_tier   = "Standard"
  default_node_pool {
    name                = "system"
    vm_size             = "Standard_D4s_v5"
    enable_auto_scaling = true
    min_count           = 2
    max_count           = 5
    zones               = ["1", "2", "3"]
  }
  identity { type = "SystemAssigned" }
}

# Node pools: kubernetes_cluster_id = azurerm_kubernetes_cluster.aks.id,
# autoscaling 0-4 over zones 1-3.
resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name        = "gpu"
  vm_size     = "Standard_NC6s_v3"
  node_taints = ["nvidia.com/gpu=true:NoSchedule"]
}
resource "azurerm_kubernetes_cluster_node_pool" "spot" {
  name        = "spot"
  vm_size     = "Standard_D4s_v5"
  priority    = "Spot"
  node_taints = ["kubernetes.azure.com/scalesetpriority=spot:NoSchedule"]
}
resource "azurerm_kubernetes_cluster_node_pool" "batch" {
  name     = "batch"
  vm_size  = "Standard_F8s_v2"
  priority = terraform_data.priority.output
}

# --- Flexible servers (zone-redundant HA, geo-redundant backups)
resource "azurerm_postgresql_flexible_server" "db" {
  name     = "postgresql-db"
  sku_name = "B_Standard_B1ms" # burstable
  version  = "16"
}
resource "azurerm_mysql_flexible_server" "db" {
  name     = "mysql-db"
  sku_name = "GP_Standard_D2ds_v4"
  version  = "8.0.21"
}
# azurerm_postgresql_flexible_server.gone was removed from the configuration: deleted.
