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

resource "terraform_data" "policy" {
  input = var.region
}

# Regional PostgreSQL with PITR, private IP only, TLS only, both protections.
resource "google_sql_database_instance" "orders" {
  name                = "orders-primary"
  database_version    = "POSTGRES_16"
  region              = var.region
  deletion_protection = true
  settings {
    tier                        = "db-custom-4-15360"
    availability_type           = "REGIONAL"
    deletion_protection_enabled = true
    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
      start_time                     = "03:00"
      location                       = "eu"
    }
    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.private.id
      ssl_mode        = "ENCRYPTED_ONLY"
    }
  }
}

# A read replica: backups are the primary's; legacy require_ssl.
resource "google_sql_database_instance" "orders_replica" {
  name                 = "orders-replica"
  database_version     = "POSTGRES_16"
  region               = var.region
  master_instance_name = google_sql_database_instance.orders.name
  settings {
    tier              = "db-custom-2-7680"
    availability_type = "ZONAL"
    backup_configuration {
      enabled = false
    }
    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.private.id
      require_ssl     = true
    }
  }
}

# Everything wrong: zonal MySQL, no backups, open to 0.0.0.0/0, plain text allowed.
resource "google_sql_database_instance" "reports" {
  name                = "reports"
  database_version    = "MYSQL_8_0"
  region              = var.region
  deletion_protection = false
  settings {
    tier              = "db-n1-standard-2"
    availability_type = "ZONAL"
    backup_configuration {
      enabled            = false
      binary_log_enabled = false
    }
    ip_configuration {
      ipv4_enabled = true
      ssl_mode     = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"
      authorized_networks {
        name  = "anywhere"
        value = "0.0.0.0/0"
      }
    }
  }
}

# A clone: its settings come from the source instance, outside the plan.
resource "google_sql_database_instance" "analytics" {
  name                = "analytics"
  database_version    = "POSTGRES_16"
  region              = var.region
  deletion_protection = terraform_data.policy.output
  clone {
    source_instance_name = google_sql_database_instance.orders.name
    point_in_time        = "2024-06-01T00:00:00Z"
  }
}

# Only a tier: no backup_configuration and no ip_configuration blocks.
resource "google_sql_database_instance" "scratch" {
  count            = 1
  name             = "scratch-${count.index}"
  database_version = "POSTGRES_15"
  region           = var.region
  settings {
    tier = "db-g1-small"
  }
}

module "tenant" {
  source   = "./modules/tenant"
  for_each = { eu = { availability = "REGIONAL", backups = true }, us = { availability = "ZONAL", backups = false } }

  name              = each.key
  availability_type = each.value.availability
  backups           = each.value.backups
}

# modules/tenant/main.tf:
#   resource "google_sql_database_instance" "db" {
#     count            = 1
#     name             = var.name   # tenant-eu, tenant-us
#     database_version = "POSTGRES_15"
#     settings {
#       tier              = "db-custom-2-7680"
#       availability_type = var.availability_type
#       backup_configuration { enabled = var.backups }
#       ip_configuration {
#         ipv4_enabled = true
#         authorized_networks {
#           name  = "office"
#           value = "203.0.113.0/24"
#         }
#       }
#     }
#   }

# google_sql_database_instance.legacy was removed from the configuration, so
# the plan deletes it.
