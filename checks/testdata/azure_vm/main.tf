# The configuration that plan.json models (azurerm provider v3, Terraform 1.8.5).
# Kept beside the plan as its source; the provider cannot be fetched here, so
# the plan is written to match what `terraform show -json` prints for it.
# (admin_ssh_key, os_disk and source_image_reference are elided below.)
terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 3.100" }
  }
}

variable "location" { default = "westeurope" }
variable "admin_password" { sensitive = true }

provider "azurerm" {
  features {}
}

# One VM per zone.
resource "azurerm_linux_virtual_machine" "app" {
  for_each              = toset(["1", "2"])
  name                  = each.key
  zone                  = each.key
  resource_group_name   = "apps"
  location              = var.location
  size                  = "Standard_D2s_v5"
  admin_username        = "azureuser"
  network_interface_ids = azurerm_network_interface.app.id
}

# A single VM pinned to zone 1.
resource "azurerm_linux_virtual_machine" "single" {
  name                  = "single"
  zone                  = "1"
  resource_group_name   = "apps"
  location              = var.location
  size                  = "Standard_D2s_v5"
  admin_username        = "azureuser"
  network_interface_ids = azurerm_network_interface.single.id
}

# No zone, no availability set, no scale set.
resource "azurerm_windows_virtual_machine" "jump" {
  name                  = "jump"
  resource_group_name   = "apps"
  location              = var.location
  size                  = "Standard_D2s_v5"
  admin_username        = "azureuser"
  admin_password        = var.admin_password
  network_interface_ids = azurerm_network_interface.jump.id
}

# In an existing availability set.
resource "azurerm_windows_virtual_machine" "reporting" {
  name                  = "reporting"
  resource_group_name   = "apps"
  location              = var.location
  size                  = "Standard_D2s_v5"
  admin_username        = "azureuser"
  admin_password        = var.admin_password
  availability_set_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/apps/providers/Microsoft.Compute/availabilitySets/reporting"
  network_interface_ids = azurerm_network_interface.reporting.id
}

# A member of an existing flexible scale set.
resource "azurerm_linux_virtual_machine" "member" {
  name                         = "member"
  resource_group_name          = "apps"
  location                     = var.location
  size                         = "Standard_D2s_v5"
  admin_username               = "azureuser"
  virtual_machine_scale_set_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/apps/providers/Microsoft.Compute/virtualMachineScaleSets/flex"
  platform_fault_domain        = -1
  network_interface_ids        = azurerm_network_interface.member.id
}

module "legacy" {
  source   = "./modules/legacy"
  hostname = "legacy"
}

# modules/legacy/main.tf: an azurerm_availability_set "vm" and two
# azurerm_virtual_machine "vm" (count = 2) with
# availability_set_id = azurerm_availability_set.vm.id, known only after apply.

# azurerm_linux_virtual_machine.old was removed from the configuration, so the
# plan deletes it.
