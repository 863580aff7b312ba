# The configuration that plan.json models (azurerm provider v3, Terraform 1.8.5).
# Kept beside the plan as its source; the provider cannot be fetched here, so
# the plan is written to match what `terraform show -json` prints for it.
# Every rule also sets source_port_range = "*" and
# destination_address_prefix = "*" (elided below).
terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 3.100" }
  }
}

variable "location" { default = "westeurope" }

provider "azurerm" {
  features {}
}

resource "terraform_data" "partner" {
  input = var.location
}

# Web ports only (and an outbound rule).
resource "azurerm_network_security_group" "web" {
  name                = "web"
  location            = var.location
  resource_group_name = "network"
  security_rule {
    name                   = "AllowHTTPS"
    priority               = 100
    direction              = "Inbound"
    access                 = "Allow"
    protocol               = "Tcp"
    source_address_prefix  = "Internet"
    destination_port_range = "443"
  }
  security_rule {
    name                   = "AllowHTTP"
    priority               = 110
    direction              = "Inbound"
    access                 = "Allow"
    protocol               = "Tcp"
    source_address_prefix  = "*"
    destination_port_range = "80"
  }
  security_rule {
    name                   = "AllowAllOut"
    priority               = 100
    direction              = "Outbound"
    access                 = "Allow"
    protocol               = "*"
    source_address_prefix  = "*"
    destination_port_range = "*"
  }
}

# SSH from anywhere (RDP only from the corporate range).
resource "azurerm_network_security_group" "admin" {
  name                = "admin"
  location            = var.location
  resource_group_name = "network"
  security_rule {
    name                   = "AllowSSH"
    priority               = 100
    direction              = "Inbound"
    access                 = "Allow"
    protocol               = "Tcp"
    source_address_prefix  = "0.0.0.0/0"
    destination_port_range = "22"
  }
  security_rule {
    name                   = "AllowRDPFromCorp"
    priority               = 110
    direction              = "Inbound"
    access                 = "Allow"
    protocol               = "Tcp"
    source_address_prefix  = "10.0.0.0/8"
    destination_port_range = "3389"
  }
}

# An application port open to everyone: for a person to judge.
resource "azurerm_network_security_group" "app" {
  name                = "app"
  location            = var.location
  resource_group_name = "network"
  security_rule {
    name                   = "AllowApp"
    priority               = 100
    direction              = "Inbound"
    access                 = "Allow"
    protocol               = "Tcp"
    source_address_prefix  = "*"
    destination_port_range = "8080"
  }
  security_rule {
    name                   = "AllowPing"
    priority               = 110
    direction              = "Inbound"
    access                 = "Allow"
    protocol               = "Icmp"
    source_address_prefix  = "*"
    destination_port_range = "*"
  }
}

# SSH from the virtual network only; internet denied.
resource "azurerm_network_security_group" "internal" {
  name                = "internal"
  location            = var.location
  resource_group_name = "network"
  security_rule {
    name                   = "AllowSSHFromVNet"
    priority               = 100
    direction              = "Inbound"
    access                 = "Allow"
    protocol               = "Tcp"
    source_address_prefix  = "VirtualNetwork"
    destination_port_range = "22"
  }
  security_rule {
    name                   = "DenyInternet"
    priority               = 4000
    direction              = "Inbound"
    access                 = "Deny"
    protocol               = "*"
    source_address_prefix  = "Internet"
    destination_port_range = "*"
  }
}

# Rules as separate resources.
resource "azurerm_network_security_group" "shared" {
  name                = "shared"
  location            = var.location
  resource_group_name = "network"
}

resource "azurerm_network_security_rule" "shared_db" {
  name                        = "AllowPostgres"
  priority                    = 200
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefixes     = ["Internet"]
  destination_port_ranges     = ["5432", "6432"]
  resource_group_name         = "network"
  network_security_group_name = azurerm_network_security_group.shared.name
}

resource "azurerm_network_security_rule" "shared_web" {
  name                        = "AllowHTTPS"
  priority                    = 210
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "*"
  destination_port_range      = "443"
  resource_group_name         = "network"
  network_security_group_name = azurerm_network_security_group.shared.name
}

# Rules of a security group outside this configuration.
resource "azurerm_network_security_rule" "office_ssh" {
  count                       = 1
  name                        = "AllowSSHFromOffice"
  priority                    = 300
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "203.0.113.0/24"
  destination_port_range      = "22"
  resource_group_name         = "network"
  network_security_group_name = "ext"
}

resource "azurerm_network_security_rule" "partner" {
  name                        = "AllowPartner"
  priority                    = 310
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = terraform_data.partner.output
  destination_port_range      = "22"
  resource_group_name         = "network"
  network_security_group_name = "ext"
}

module "edge" {
  source   = "./modules/edge"
  for_each = toset(["eu"])
}

# modules/edge/main.tf: an azurerm_network_security_group "this" named
# "edge-${each.key}" with one inbound Allow rule from "*" to
# destination_port_ranges = ["1000-2000", "3300-3400"].

# azurerm_network_security_group.old was removed from the configuration, so
# the plan deletes it.
