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

resource "terraform_data" "placement" {
  input = var.region
}

# Regional, protected, logs and metrics on, authorized networks, private nodes.
resource "google_container_cluster" "prod" {
  name                     = "prod"
  location                 = var.region
  deletion_protection      = true
  remove_default_node_pool = true
  initial_node_count       = 1
  subnetwork               = "gke-prod"
  logging_service          = "logging.googleapis.com/kubernetes"
  monitoring_service       = "monitoring.googleapis.com/kubernetes"
  master_authorized_networks_config {
    cidr_blocks {
      cidr_block   = "10.0.0.0/8"
      display_name = "corporate"
    }
  }
  private_cluster_config {
    enable_private_endpoint = false
    enable_private_nodes    = true
    master_ipv4_cidr_block  = "172.16.0.0/28"
  }
}

# Zonal, unprotected, logging off, public endpoint open to any address.
resource "google_container_cluster" "dev" {
  name                     = "dev"
  location                 = "europe-west1-b"
  node_locations           = []
  deletion_protection      = false
  remove_default_node_pool = true
  initial_node_count       = 1
  subnetwork               = "gke-dev"
  logging_service          = "none"
  monitoring_service       = "monitoring.googleapis.com/kubernetes"
}

# Placement, protection and authorized networks known only after apply.
resource "google_container_cluster" "sandbox" {
  name                     = "sandbox"
  location                 = terraform_data.placement.output
  deletion_protection      = terraform_data.placement.output
  remove_default_node_pool = true
  initial_node_count       = 1
  subnetwork               = "gke-sandbox"
  master_authorized_networks_config {
    dynamic "cidr_blocks" {
      for_each = terraform_data.placement.output
      content {
        cidr_block = cidr_blocks.value
      }
    }
  }
}

resource "google_container_node_pool" "prod_default" {
  name     = "default"
  cluster  = google_container_cluster.prod.name
  location = google_container_cluster.prod.location
  autoscaling {
    total_min_node_count = 3
    total_max_node_count = 12
  }
  management {
    auto_repair  = true
    auto_upgrade = true
  }
  node_config {
    machine_type = "e2-standard-4"
    oauth_scopes = ["https://www.googleapis.com/auth/cloud-platform"]
  }
}

resource "google_container_node_pool" "dev_fixed" {
  name       = "fixed"
  cluster    = google_container_cluster.dev.name
  location   = google_container_cluster.dev.location
  node_count = 1
  management {
    auto_repair = false
  }
  node_config {
    machine_type = "e2-standard-4"
    oauth_scopes = ["https://www.googleapis.com/auth/cloud-platform"]
  }
}

# No management block (GKE decides); the maximum comes from a computed value.
resource "google_container_node_pool" "sandbox" {
  name     = "sandbox"
  cluster  = google_container_cluster.sandbox.name
  location = "europe-west1"
  autoscaling {
    min_node_count = 0
    max_node_count = terraform_data.placement.output
  }
  node_config {
    machine_type = "e2-standard-4"
    oauth_scopes = ["https://www.googleapis.com/auth/cloud-platform"]
  }
}

module "platform" {
  source   = "./modules/platform"
  for_each = toset(["blue"])
  zone     = "us-central1-a"
}

# modules/platform/main.tf: a multi-zonal cluster (zonal control plane) whose
# authorized network admits everyone, and two autoscaled pools.
#   resource "google_container_cluster" "this" {
#     count                    = 1
#     name                     = each.key   # "blue", passed in as a variable
#     location                 = var.zone
#     node_locations           = ["us-central1-b", "us-central1-c"]
#     remove_default_node_pool = true
#     initial_node_count       = 1
#     subnetwork               = "gke-blue"
#     logging_config    { enable_components = ["SYSTEM_COMPONENTS", "WORKLOADS"] }
#     monitoring_config { enable_components = ["SYSTEM_COMPONENTS"] }
#     master_authorized_networks_config {
#       cidr_blocks {
#         cidr_block   = "0.0.0.0/0"
#         display_name = "anywhere"
#       }
#     }
#   }
#   resource "google_container_node_pool" "pool" {
#     for_each = { batch = { min = 1, max = 1 }, web = { min = 1, max = 5 } }
#     name     = each.key
#     cluster  = google_container_cluster.this[0].name
#     location = var.zone
#     autoscaling {
#       min_node_count = each.value.min
#       max_node_count = each.value.max
#     }
#     management { auto_repair = true }
#     node_config { ... }
#   }

# google_container_cluster.old and google_container_node_pool.old were removed
# from the configuration, so the plan deletes them.
