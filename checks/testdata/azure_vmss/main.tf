# The configuration that plan.json models (azurerm provider v3, Terraform 1.8.5).
# Kept beside the plan as its source; the provider cannot be fetched here, so
# the plan is written to match what `terraform show -json` prints for it.
terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 3.100" }
  }
}

variable "location" { default = "westeurope" }
variable "ssh_public_key" { default = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample ops@example.com" }
variable "admin_password" { sensitive = true }

provider "azurerm" {
  features {}
}

resource "terraform_data" "sizing" {
  input = var.location
}

resource "azurerm_lb_probe" "http" {
  name            = "http"
  loadbalancer_id = azurerm_lb.apps.id
  protocol        = "Http"
  port            = 8080
  request_path    = "/healthz"
}

# Three zones, LB probe, automatic repair, autoscaled 3..12.
resource "azurerm_linux_virtual_machine_scale_set" "web" {
  name                = "web"
  resource_group_name = "apps"
  location            = var.location
  sku                 = "Standard_D2s_v5"
  instances           = 3
  admin_username      = "azureuser"
  zones               = ["1", "2", "3"]
  health_probe_id     = azurerm_lb_probe.http.id
  automatic_instance_repair {
    enabled      = true
    grace_period = "PT10M"
  }
  admin_ssh_key {
    username   = "azureuser"
    public_key = var.ssh_public_key
  }
  network_interface {
    name    = "nic"
    primary = true
    ip_configuration {
      name                                   = "internal"
      primary                                = true
      subnet_id                              = azurerm_subnet.apps.id
      load_balancer_backend_address_pool_ids = azurerm_lb_backend_address_pool.apps.id
    }
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
}

resource "azurerm_monitor_autoscale_setting" "web" {
  name                = "web"
  resource_group_name = "apps"
  location            = var.location
  target_resource_id  = azurerm_linux_virtual_machine_scale_set.web.id
  profile {
    name = "default"
    capacity {
      default = 3
      minimum = 3
      maximum = 12
    }
    rule {
      metric_trigger {
        metric_name        = "Percentage CPU"
        metric_resource_id = azurerm_linux_virtual_machine_scale_set.web.id
        operator           = "GreaterThan"
        statistic          = "Average"
        threshold          = 70
        time_aggregation   = "Average"
        time_grain         = "PT1M"
        time_window        = "PT5M"
      }
      scale_action {
        direction = "Increase"
        type      = "ChangeCount"
        value     = 1
        cooldown  = "PT5M"
      }
    }
  }
}

# No zones, no health signal, no repair, no autoscale setting
# (admin_ssh_key, network_interface, os_disk, image as in "web").
resource "azurerm_linux_virtual_machine_scale_set" "batch" {
  name                = "batch"
  resource_group_name = "apps"
  location            = var.location
  sku                 = "Standard_D2s_v5"
  instances           = 3
  admin_username      = "azureuser"
}

# One zone, Application Health extension, repair disabled; its autoscale
# setting ("legacy", as "web" but 2..6) is disabled: enabled = false.
resource "azurerm_windows_virtual_machine_scale_set" "legacy" {
  name                = "legacy"
  resource_group_name = "apps"
  location            = var.location
  sku                 = "Standard_D2s_v5"
  instances           = 3
  admin_username      = "azureadmin"
  admin_password      = var.admin_password
  zones               = ["1"]
  automatic_instance_repair {
    enabled      = false
    grace_period = "PT30M"
  }
  extension {
    name                 = "health"
    publisher            = "Microsoft.ManagedServices"
    type                 = "ApplicationHealthWindows"
    type_handler_version = "1.0"
    settings             = jsonencode({ port = 8080, protocol = "http", requestPath = "/healthz" })
  }
}

# Flexible orchestration: zones, extension type, repair and the autoscale
# maximum ("flex", as "web" but 2..terraform_data.sizing.output) known only
# after apply.
resource "azurerm_orchestrated_virtual_machine_scale_set" "flex" {
  name                        = "flex"
  resource_group_name         = "apps"
  location                    = var.location
  sku_name                    = "Standard_D2s_v5"
  instances                   = 2
  platform_fault_domain_count = 1
  zones                       = terraform_data.sizing.output
  extension {
    name                 = "health"
    publisher            = "Microsoft.ManagedServices"
    type                 = terraform_data.sizing.output
    type_handler_version = "1.0"
  }
  automatic_instance_repair {
    enabled      = terraform_data.sizing.output
    grace_period = "PT10M"
  }
}

module "pool" {
  source   = "./modules/pool"
  for_each = toset(["gpu"])
  zones    = ["1", "2"]
  repair   = true
}

# modules/pool/main.tf: a scale set (count = 1) over var.zones with
# automatic_instance_repair { enabled = var.repair }, an
# azurerm_virtual_machine_scale_set_extension "health" (ApplicationHealthLinux)
# whose virtual_machine_scale_set_id = azurerm_linux_virtual_machine_scale_set.this[0].id,
# and an azurerm_monitor_autoscale_setting "this" (1..4) targeting it.

# azurerm_linux_virtual_machine_scale_set.old was removed from the
# configuration, so the plan deletes it.
