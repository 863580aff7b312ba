# The configuration that plan.json models (azurerm provider v3, Terraform 1.8.5).
# Kept beside the plan as its source; the provider cannot be fetched here, so
# the plan is written to match what `terraform show -json` prints for it.
# Every metric alert watches azurerm_linux_virtual_machine_scale_set.web with
# one criteria block (Percentage CPU > 85 on average, elided below).
terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 3.100" }
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_monitor_metric_alert" "cpu" {
  name                = "vmss-cpu"
  resource_group_name = "ops"
  scopes              = [azurerm_linux_virtual_machine_scale_set.web.id]
  severity            = 2
  action {
    action_group_id = azurerm_monitor_action_group.oncall.id
  }
}

# No action.
resource "azurerm_monitor_metric_alert" "disk" {
  name                = "vmss-disk"
  resource_group_name = "ops"
  scopes              = [azurerm_linux_virtual_machine_scale_set.web.id]
  severity            = 2
}

# Disabled.
resource "azurerm_monitor_metric_alert" "paused" {
  name                = "vmss-paused"
  resource_group_name = "ops"
  scopes              = [azurerm_linux_virtual_machine_scale_set.web.id]
  severity            = 2
  enabled             = false
  action {
    action_group_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ops/providers/Microsoft.Insights/actionGroups/oncall"
  }
}

# Actions from a dynamic block over a value known only after apply.
resource "azurerm_monitor_metric_alert" "routed" {
  name                = "vmss-routed"
  resource_group_name = "ops"
  scopes              = [azurerm_linux_virtual_machine_scale_set.web.id]
  severity            = 2
  dynamic "action" {
    for_each = azurerm_monitor_action_group.routing[*].id
    content {
      action_group_id = action.value
    }
  }
}

resource "azurerm_monitor_activity_log_alert" "service_health" {
  name                = "service-health"
  resource_group_name = "ops"
  location            = "global"
  scopes              = ["/subscriptions/00000000-0000-0000-0000-000000000000"]
  criteria {
    category = "ServiceHealth"
    service_health {
      events = ["Incident"]
    }
  }
  action {
    action_group_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ops/providers/Microsoft.Insights/actionGroups/oncall"
  }
}

module "alerts" {
  source          = "./modules/alerts"
  for_each        = toset(["web"])
  action_group_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ops/providers/Microsoft.Insights/actionGroups/oncall"
}

# modules/alerts/main.tf: an azurerm_monitor_metric_alert "this" (count = 1)
# with action { action_group_id = var.action_group_id }.

# azurerm_monitor_metric_alert.old was removed from the configuration, so the
# plan deletes it.
