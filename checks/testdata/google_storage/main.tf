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

resource "terraform_data" "bucket_policy" {
  input = var.region
}

resource "google_storage_bucket" "data" {
  name                        = "acme-data"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  versioning {
    enabled = true
  }
}

# No versioning; published to allUsers by an IAM member.
resource "google_storage_bucket" "assets" {
  name     = "acme-assets"
  location = "EU"
}

resource "google_storage_bucket_iam_member" "assets_public" {
  bucket = google_storage_bucket.assets.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}

# Versioning off; public access prevention inherited, no grant in this plan.
resource "google_storage_bucket" "logs" {
  count                       = 1
  name                        = "acme-logs-${count.index}"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "inherited"
  versioning {
    enabled = false
  }
}

# Settings known only after apply.
resource "google_storage_bucket" "tmp" {
  name                        = "acme-tmp"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = terraform_data.bucket_policy.output
  versioning {
    enabled = terraform_data.bucket_policy.output
  }
}

module "archive" {
  source     = "./modules/archive"
  name       = "acme-archive"
  versioning = true
}

# modules/archive/main.tf:
#   resource "google_storage_bucket" "this" {
#     name                        = var.name
#     location                    = "EU"
#     uniform_bucket_level_access = true
#     public_access_prevention    = "inherited"
#     versioning { enabled = var.versioning }
#   }

# Linked to the module's bucket by its literal name only.
resource "google_storage_bucket_iam_binding" "archive_readers" {
  bucket  = "acme-archive"
  role    = "roles/storage.objectViewer"
  members = ["allAuthenticatedUsers"]
}

# google_storage_bucket.old was removed from the configuration, so the plan
# deletes it.
