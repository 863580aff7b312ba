# The configuration that plan.json models (azurerm provider v2.99, Terraform 1.8.5).
# Kept beside the plan as its source; the provider cannot be fetched here, so
# the plan is written to match what `terraform show -json` prints for it, with
# the provider's schema from ../shared/fixtures/schemas/previous-major/azurerm-2.99.0.json.
# In azurerm v2, zone is optional and computed: a VM that does not set it plans
# it as known after apply, although it will sit in no zone.
terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 2.99" }
  }
}

variable "location" { default = "westeurope" }
variable "ssh_public_key" {}
variable "admin_password" { sensitive = true }

provider "azurerm" {
  features {}
}

locals {
  nics = {
    "zonal-1" = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/apps/providers/Microsoft.Network/networkInterfaces/zonal-1"
    "zonal-2" = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/apps/providers/Microsoft.Network/networkInterfaces/zonal-2"
  }
}

# No zone, no availability set, no scale set: one host failure away from down.
resource "azurerm_linux_virtual_machine" "lone" {
  name                  = "lone"
  resource_group_name   = "apps"
  location              = var.location
  size                  = "Standard_D2s_v5"
  admin_username        = "azureuser"
  network_interface_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/apps/providers/Microsoft.Network/networkInterfaces/lone"]
  admin_ssh_key {
    username   = "azureuser"
    public_key = var.ssh_public_key
  }
  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }
  source_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts-gen2"
    version   = "latest"
  }
  tags = { team = "platform" }
}

# No zone, but an existing availability set places it.
resource "azurerm_windows_virtual_machine" "in_set" {
  name                  = "in-set"
  resource_group_name   = "apps"
  location              = var.location
  size                  = "Standard_D4s_v5"
  admin_username        = "azureuser"
  admin_password        = var.admin_password
  network_interface_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/apps/providers/Microsoft.Network/networkInterfaces/in-set"]
  availability_set_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/apps/providers/Microsoft.Compute/availabilitySets/reporting"
  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }
  source_image_reference {
    publisher = "MicrosoftWindowsServer"
    offer     = "WindowsServer"
    sku       = "2022-datacenter-azure-edition"
    version   = "latest"
  }
  tags = { team = "reporting" }
}

# One VM per zone.
resource "azurerm_linux_virtual_machine" "zonal" {
  for_each              = { "1" = "zonal-1", "2" = "zonal-2" }
  name                  = each.value
  zone                  = each.key
  resource_group_name   = "apps"
  location              = var.location
  size                  = "Standard_D2s_v5"
  admin_username        = "azureuser"
  network_interface_ids = [local.nics[each.value]]
  admin_ssh_key {
    username   = "azureuser"
    public_key = var.ssh_public_key
  }
  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }
  source_image_reference {
    publisher = "Canonical"
    offer     = "0001-com-ubuntu-server-jammy"
    sku       = "22_04-lts-gen2"
    version   = "latest"
  }
  tags = { team = "platform" }
}
