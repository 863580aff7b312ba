# The configuration that plan.json models (azurerm provider v4, Terraform 1.8.5).
# Kept beside the plan as its source; the provider cannot be fetched here, so
# the plan is written to match what `terraform show -json` prints for it.
terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }
  }
}

variable "location" { default = "westeurope" }

provider "azurerm" {
  features {}
}

resource "terraform_data" "capacity" {
  input = var.location
}

resource "azurerm_kubernetes_cluster" "prod" {
  name                = "prod"
  location            = var.location
  resource_group_name = "aks"
  dns_prefix          = "prod"
  sku_tier            = "Standard"
  default_node_pool {
    name                 = "system"
    vm_size              = "Standard_D4s_v5"
    zones                = ["1", "2", "3"]
    auto_scaling_enabled = true
    min_count            = 3
    max_count            = 6
  }
  identity {
    type = "SystemAssigned"
  }
}

# No zones, fixed size.
resource "azurerm_kubernetes_cluster" "dev" {
  name                = "dev"
  location            = var.location
  resource_group_name = "aks"
  dns_prefix          = "dev"
  default_node_pool {
    name       = "system"
    vm_size    = "Standard_D4s_v5"
    node_count = 1
  }
  identity {
    type = "SystemAssigned"
  }
}

# One zone; autoscaled.
resource "azurerm_kubernetes_cluster_node_pool" "apps" {
  name                  = "apps"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.prod.id
  vm_size               = "Standard_D4s_v5"
  zones                 = ["1"]
  auto_scaling_enabled  = true
  min_count             = 2
  max_count             = 10
}

# Zones known only after apply; min = max.
resource "azurerm_kubernetes_cluster_node_pool" "gpu" {
  name                  = "gpu"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.prod.id
  vm_size               = "Standard_D4s_v5"
  zones                 = terraform_data.capacity.output
  auto_scaling_enabled  = true
  min_count             = 1
  max_count             = 1
}

module "batch" {
  source   = "./modules/batch"
  for_each = toset(["spot"])
  zones    = ["1", "2"]
}

# modules/batch/main.tf:
#   resource "azurerm_kubernetes_cluster_node_pool" "this" {
#     count                 = 1
#     name                  = "spot"
#     kubernetes_cluster_id = var.cluster_id
#     vm_size               = "Standard_D4s_v5"
#     zones                 = var.zones
#     auto_scaling_enabled  = true
#     min_count             = 0
#     max_count             = var.max_nodes   # known only after apply
#   }

# azurerm_kubernetes_cluster_node_pool.old was removed from the configuration,
# so the plan deletes it.
