# The configuration that plan.json models (azurerm provider v3, whose node
# pools name the autoscaler flag enable_auto_scaling; Terraform 1.8.5).
# Kept beside the plan as its source; the provider cannot be fetched here, so
# the plan is written to match what `terraform show -json` prints for it.
terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 3.100" }
  }
}

variable "location" { default = "westeurope" }

provider "azurerm" {
  features {}
}

resource "azurerm_kubernetes_cluster" "legacy" {
  name                = "legacy"
  location            = var.location
  resource_group_name = "aks"
  dns_prefix          = "legacy"
  default_node_pool {
    name                = "system"
    vm_size             = "Standard_D4s_v5"
    zones               = ["1", "2", "3"]
    enable_auto_scaling = true
    min_count           = 1
    max_count           = 3
  }
  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "workers" {
  count                 = 1
  name                  = "workers"
  kubernetes_cluster_id = azurerm_kubernetes_cluster.legacy.id
  vm_size               = "Standard_D4s_v5"
  node_count            = 3
}
