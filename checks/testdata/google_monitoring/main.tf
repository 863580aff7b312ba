# The configuration that plan.json models (google provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the provider cannot be fetched here, so
# the plan is written to match what `terraform show -json` prints for it.
terraform {
  required_providers {
    google = { source = "hashicorp/google", version = "~> 5.0" }
  }
}

variable "channels" {
  default = ["projects/acme-prod/notificationChannels/1234567890"]
}

provider "google" {
  project = "acme-prod"
}

resource "terraform_data" "routing" {
  input = var.channels
}

resource "google_monitoring_notification_channel" "oncall" {
  display_name = "On-call"
  type         = "email"
  labels       = { email_address = "oncall@example.com" }
}

# Each policy has one CPU threshold condition (elided below as "...").
resource "google_monitoring_alert_policy" "db_cpu" {
  display_name          = "db_cpu"
  combiner              = "OR"
  severity              = "WARNING"
  notification_channels = [google_monitoring_notification_channel.oncall.id]
  conditions {
    display_name = "db_cpu condition"
    condition_threshold {
      filter          = "..."
      comparison      = "COMPARISON_GT"
      duration        = "300s"
      threshold_value = 0.8
    }
  }
}

# No notification channel.
resource "google_monitoring_alert_policy" "latency" {
  display_name = "latency"
  combiner     = "OR"
  severity     = "WARNING"
  conditions {
    display_name = "condition"
    condition_threshold {
      filter          = "..."
      comparison      = "COMPARISON_GT"
      duration        = "300s"
      threshold_value = 0.8
    }
  }
}

# Disabled.
resource "google_monitoring_alert_policy" "paused" {
  display_name          = "paused"
  combiner              = "OR"
  severity              = "WARNING"
  enabled               = false
  notification_channels = var.channels
  conditions {
    display_name = "condition"
    condition_threshold {
      filter          = "..."
      comparison      = "COMPARISON_GT"
      duration        = "300s"
      threshold_value = 0.8
    }
  }
}

# Channels known only after apply.
resource "google_monitoring_alert_policy" "routed" {
  display_name          = "routed"
  combiner              = "OR"
  severity              = "WARNING"
  notification_channels = terraform_data.routing.output
  conditions {
    display_name = "condition"
    condition_threshold {
      filter          = "..."
      comparison      = "COMPARISON_GT"
      duration        = "300s"
      threshold_value = 0.8
    }
  }
}

module "alerts" {
  source   = "./modules/alerts"
  for_each = toset(["api"])
  channels = var.channels
}

# modules/alerts/main.tf:
#   resource "google_monitoring_alert_policy" "this" {
#     count                 = 1
#     display_name          = "api"
#     combiner              = "OR"
#     severity              = "WARNING"
#     notification_channels = var.channels
#     conditions { ... }   # as in db_cpu
#   }

# google_monitoring_alert_policy.old was removed from the configuration, so
# the plan deletes it.
