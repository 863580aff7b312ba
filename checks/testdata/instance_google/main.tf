# The configuration that plan.json models (google provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the provider cannot be fetched here, so
# the plan is written to match what `terraform show -json` prints for it.
# Shared by the instance_choice checks.
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

# Values known only after apply.
resource "terraform_data" "machine" { input = "n2-standard-8" }
resource "terraform_data" "spot" { input = false }

# --- Compute Engine (every instance: zone europe-west1-b, a debian-12 boot
# disk and the default network)
resource "google_compute_instance" "app" {
  name         = "app"
  machine_type = "n2-standard-4"
  labels       = { team = "orders" }
}

resource "google_compute_instance" "legacy" { machine_type = "n1-standard-1" } # previous generation
resource "google_compute_instance" "micro" { machine_type = "e2-micro" }       # micro, shared core

resource "google_compute_instance" "gpu" {
  machine_type = "n1-standard-8"
  labels       = { team = "ml" }
  guest_accelerator {
    type  = "nvidia-tesla-t4"
    count = 1
  }
  scheduling { on_host_maintenance = "TERMINATE" }
}

resource "google_compute_instance" "bad_gpu" { # E2 takes no attached GPU
  machine_type = "e2-standard-4"
  guest_accelerator {
    type  = "nvidia-tesla-t4"
    count = 1
  }
  scheduling { on_host_maintenance = "TERMINATE" }
}

resource "google_compute_instance" "a2" { # A100 that nothing asks for
  machine_type = "a2-highgpu-1g"
  labels       = { team = "research" }
}

resource "google_compute_instance" "pending" { machine_type = terraform_data.machine.output }
# google_compute_instance.gone (f1-micro) was removed from the configuration: deleted.

module "vm" {
  source = "./modules/vm" # one google_compute_instance.this
  for_each = {
    api   = "zones/europe-west1-b/machineTypes/c3-standard-4"
    tools = "g1-small"
  }
  machine_type = each.value
}

resource "google_compute_instance_template" "web" {
  name_prefix  = "web-"
  machine_type = "e2-small"
  disk {
    source_image = "debian-cloud/debian-12"
    boot         = true
    auto_delete  = true
  }
  network_interface { network = "default" }
}

# --- GKE
resource "google_container_cluster" "main" {
  name                     = "main"
  location                 = "europe-west1"
  initial_node_count       = 1
  deletion_protection      = true
  remove_default_node_pool = true # node_config below is not judged
  node_config {
    machine_type = "e2-medium"
    preemptible  = true
  }
}

resource "google_container_cluster" "kept" { # default pool kept
  name                = "kept"
  location            = "europe-west1"
  initial_node_count  = 1
  deletion_protection = true
  node_config { machine_type = "e2-small" }
}

# Node pools: cluster = google_container_cluster.main.id, location from the
# cluster, autoscaling { min_node_count = 1, max_node_count = 3 }.
resource "google_container_node_pool" "primary" {
  name = "primary"
  node_config { # machine_type unset: e2-medium
    oauth_scopes = ["https://www.googleapis.com/auth/cloud-platform"]
  }
}

resource "google_container_node_pool" "preemptible" {
  count = 1
  name  = count.index
  node_config {
    machine_type = "n2-standard-4"
    preemptible  = true
  }
}

resource "google_container_node_pool" "gpu" {
  name = "gpu"
  node_config {
    machine_type = "n1-standard-4"
    spot         = true
    guest_accelerator {
      type  = "nvidia-tesla-t4"
      count = 1
      gpu_driver_installation_config { gpu_driver_version = "LATEST" }
    }
    taint {
      key    = "nvidia.com/gpu"
      value  = "present"
      effect = "NO_SCHEDULE"
    }
  }
}

resource "google_container_node_pool" "l4" {
  name = "l4"
  node_config {
    machine_type = "g2-standard-8"
    labels       = { workload = "inference" }
  }
}

resource "google_container_node_pool" "pending" {
  name = "pending"
  node_config {
    machine_type = terraform_data.machine.output
    spot         = terraform_data.spot.output
  }
}
# google_container_node_pool.old was removed from the configuration: deleted.

# --- Cloud SQL (POSTGRES_16, regional, PITR, private IP only)
resource "google_sql_database_instance" "main" {
  name = "main"
  settings { tier = "db-custom-2-7680" }
}
resource "google_sql_database_instance" "tiny" {
  name = "tiny"
  settings { tier = "db-f1-micro" } # shared core
}
resource "google_sql_database_instance" "shared" {
  name = "shared"
  settings { tier = "db-g1-small" } # shared core
}
resource "google_sql_database_instance" "pending" {
  name = "pending"
  settings { tier = terraform_data.machine.output }
}
# google_sql_database_instance.gone was removed from the configuration: deleted.

module "sql" {
  source     = "./modules/sql" # one google_sql_database_instance.this
  for_each   = { reporting = "db-perf-optimized-N-4", archive = "db-custom-1-3840" }
  name       = each.key
  tier       = each.value
  network_id = "projects/acme-prod/global/networks/private"
}
