# The configuration that plan.json models (google provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the provider cannot be fetched here, so
# the plan is written to match what `terraform show -json` prints for it.
terraform {
  required_providers {
    google = { source = "hashicorp/google", version = "~> 5.0" }
  }
}

variable "region" { default = "europe-west1" }

provider "google" {
  project = "acme-prod"
  region  = var.region
}

resource "terraform_data" "rollout" {
  input = var.region
}

# Regional over the region's zones, auto-healing, autoscaled 3..12.
resource "google_compute_region_instance_group_manager" "web" {
  name               = "web"
  base_instance_name = "web"
  region             = var.region
  version {
    name              = "primary"
    instance_template = google_compute_instance_template.app.id
  }
  named_port {
    name = "http"
    port = 8080
  }
  auto_healing_policies {
    health_check      = google_compute_health_check.http.id
    initial_delay_sec = 300
  }
}

resource "google_compute_region_autoscaler" "web" {
  name   = "web"
  region = var.region
  target = google_compute_region_instance_group_manager.web.id
  autoscaling_policy {
    min_replicas    = 3
    max_replicas    = 12
    cooldown_period = 60
    cpu_utilization { target = 0.6 }
  }
}

# Regional but pinned to one zone; no auto-healing; no autoscaler.
resource "google_compute_region_instance_group_manager" "batch" {
  name                      = "batch"
  base_instance_name        = "batch"
  region                    = var.region
  distribution_policy_zones = ["europe-west1-b"]
  version {
    name              = "primary"
    instance_template = google_compute_instance_template.app.id
  }
  named_port {
    name = "http"
    port = 8080
  }
}

# Zonal; healed by a known health check; autoscaler with min = max.
resource "google_compute_instance_group_manager" "legacy_app" {
  name               = "legacy-app"
  base_instance_name = "legacy-app"
  zone               = "europe-west1-b"
  version {
    name              = "primary"
    instance_template = google_compute_instance_template.app.id
  }
  named_port {
    name = "http"
    port = 8080
  }
  auto_healing_policies {
    health_check      = "projects/acme-prod/global/healthChecks/legacy"
    initial_delay_sec = 600
  }
}

resource "google_compute_autoscaler" "legacy_app" {
  name   = "legacy-app"
  zone   = "europe-west1-b"
  target = google_compute_instance_group_manager.legacy_app.id
  autoscaling_policy {
    min_replicas    = 2
    max_replicas    = 2
    cooldown_period = 60
    cpu_utilization { target = 0.6 }
  }
}

# Zones, healing and the autoscaler's maximum known only after apply.
resource "google_compute_region_instance_group_manager" "canary" {
  name                      = "canary"
  base_instance_name        = "canary"
  region                    = var.region
  distribution_policy_zones = terraform_data.rollout.output
  version {
    name              = "primary"
    instance_template = google_compute_instance_template.app.id
  }
  named_port {
    name = "http"
    port = 8080
  }
  dynamic "auto_healing_policies" {
    for_each = terraform_data.rollout.output
    content {
      health_check      = auto_healing_policies.value
      initial_delay_sec = 300
    }
  }
}

resource "google_compute_region_autoscaler" "canary" {
  name   = "canary"
  region = var.region
  target = google_compute_region_instance_group_manager.canary.self_link
  autoscaling_policy {
    min_replicas    = 1
    max_replicas    = terraform_data.rollout.output
    cooldown_period = 60
    cpu_utilization { target = 0.6 }
  }
}

# An existing group (no change), linked to its autoscaler by a literal self link.
resource "google_compute_instance_group_manager" "imported" {
  name               = "imported"
  base_instance_name = "imported"
  zone               = "europe-west1-c"
  version {
    name              = "primary"
    instance_template = "projects/acme-prod/global/instanceTemplates/imported-v3"
  }
  named_port {
    name = "http"
    port = 8080
  }
}

resource "google_compute_autoscaler" "imported" {
  name   = "imported"
  zone   = "europe-west1-c"
  target = "https://www.googleapis.com/compute/v1/projects/acme-prod/zones/europe-west1-c/instanceGroupManagers/imported"
  autoscaling_policy {
    min_replicas    = 1
    max_replicas    = 4
    cooldown_period = 60
    cpu_utilization { target = 0.6 }
  }
}

module "workers" {
  source = "./modules/workers"
  zones  = ["europe-west1-b", "europe-west1-c"]
}

# modules/workers/main.tf: one zonal group per zone, each with its autoscaler.
#   resource "google_compute_instance_group_manager" "zonal" {
#     for_each           = toset(var.zones)
#     name               = each.key
#     base_instance_name = "workers"
#     zone               = each.key
#     version {
#       name              = "primary"
#       instance_template = var.instance_template
#     }
#     named_port {
#       name = "http"
#       port = 8080
#     }
#     auto_healing_policies {
#       health_check      = google_compute_health_check.workers.id
#       initial_delay_sec = 300
#     }
#   }
#   resource "google_compute_autoscaler" "zonal" {
#     for_each = toset(var.zones)
#     name     = each.key
#     zone     = each.key
#     target   = google_compute_instance_group_manager.zonal[each.key].id
#     autoscaling_policy {
#       min_replicas = 1
#       max_replicas = 6
#       ...
#     }
#   }

# google_compute_instance_group_manager.old was removed from the configuration,
# so the plan deletes it.
