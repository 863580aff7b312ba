# The configuration that plan.json models (kubernetes provider v2, Terraform 1.8.5).
# Kept beside the plan as its source; the provider cannot be fetched here, so
# the plan is written to match what `terraform show -json` prints for it.
# Every container also declares port { name = "http", container_port = 8080 }.
terraform {
  required_providers {
    kubernetes = { source = "hashicorp/kubernetes", version = "~> 2.30" }
  }
}

provider "kubernetes" {
  config_path = "~/.kube/config"
}

resource "terraform_data" "tenant_settings" {
  input = "acme"
}

# Everything right; its autoscaler and disruption budget refer to it.
resource "kubernetes_deployment_v1" "api" {
  metadata {
    name      = "api"
    namespace = "prod"
    labels    = { app = "api" }
  }
  spec {
    replicas = "3"
    selector {
      match_labels = { app = "api" }
    }
    strategy {
      type = "RollingUpdate"
      rolling_update {
        max_surge       = "1"
        max_unavailable = "0"
      }
    }
    template {
      metadata {
        labels = { app = "api" }
      }
      spec {
        container {
          name  = "api"
          image = "example/api:1.4.2"
          liveness_probe {
            http_get {
              path = "/healthz"
              port = "8080"
            }
            initial_delay_seconds = 5
          }
          readiness_probe {
            http_get {
              path = "/ready"
              port = "8080"
            }
            initial_delay_seconds = 5
          }
          resources {
            limits   = { memory = "512Mi" }
            requests = { cpu = "250m", memory = "512Mi" }
          }
        }
        topology_spread_constraint {
          max_skew           = 1
          topology_key       = "topology.kubernetes.io/zone"
          when_unsatisfiable = "ScheduleAnyway"
          label_selector {
            match_labels = { app = "api" }
          }
        }
      }
    }
  }
}

resource "kubernetes_horizontal_pod_autoscaler_v2" "api" {
  metadata {
    name      = "api"
    namespace = "prod"
  }
  spec {
    min_replicas = 3
    max_replicas = 12
    scale_target_ref {
      api_version = "apps/v1"
      kind        = "Deployment"
      name        = kubernetes_deployment_v1.api.metadata[0].name
    }
    metric {
      type = "Resource"
      resource {
        name = "cpu"
        target {
          type                = "Utilization"
          average_utilization = 70
        }
      }
    }
  }
}

resource "kubernetes_pod_disruption_budget_v1" "api" {
  metadata {
    name      = "api"
    namespace = "prod"
  }
  spec {
    max_unavailable = "1"
    selector {
      match_labels = kubernetes_deployment_v1.api.spec[0].template[0].metadata[0].labels
    }
  }
}

# One replica, liveness only, no resources, spread over hosts only, Recreate.
resource "kubernetes_deployment" "worker" {
  metadata {
    name      = "worker"
    namespace = "prod"
    labels    = { app = "worker" }
  }
  spec {
    replicas = "1"
    selector {
      match_labels = { app = "worker" }
    }
    strategy {
      type = "Recreate"
    }
    template {
      metadata {
        labels = { app = "worker" }
      }
      spec {
        container {
          name  = "worker"
          image = "example/worker:2.0.1"
          liveness_probe {
            http_get {
              path = "/healthz"
              port = "8080"
            }
            initial_delay_seconds = 5
          }
        }
        affinity {
          pod_anti_affinity {
            preferred_during_scheduling_ignored_during_execution {
              weight = 100
              pod_affinity_term {
                topology_key = "kubernetes.io/hostname"
                label_selector {
                  match_labels = { app = "worker" }
                }
              }
            }
          }
        }
      }
    }
  }
}

# Limits only (requests default to them); zone anti-affinity; a disruption
# budget that selects its pods by label only.
resource "kubernetes_stateful_set_v1" "db" {
  metadata {
    name      = "db"
    namespace = "data"
    labels    = { app = "db" }
  }
  spec {
    replicas     = "3"
    service_name = "db"
    selector {
      match_labels = { app = "db" }
    }
    template {
      metadata {
        labels = { app = "db" }
      }
      spec {
        container {
          name  = "postgres"
          image = "postgres:16.3"
          liveness_probe {
            http_get {
              path = "/live"
              port = "8080"
            }
            initial_delay_seconds = 5
          }
          readiness_probe {
            http_get {
              path = "/ready"
              port = "8080"
            }
            initial_delay_seconds = 5
          }
          resources {
            limits = { cpu = "2", memory = "4Gi" }
          }
        }
        affinity {
          pod_anti_affinity {
            required_during_scheduling_ignored_during_execution {
              topology_key = "topology.kubernetes.io/zone"
              label_selector {
                match_labels = { app = "db" }
              }
            }
          }
        }
      }
    }
  }
}

resource "kubernetes_pod_disruption_budget_v1" "db" {
  metadata {
    name      = "db"
    namespace = "data"
  }
  spec {
    min_available = "2"
    selector {
      match_expressions {
        key      = "app"
        operator = "In"
        values   = ["db"]
      }
    }
  }
}

# replicas unset: an autoscaler found by kind and name scales it; readiness only.
resource "kubernetes_stateful_set" "cache" {
  metadata {
    name      = "cache"
    namespace = "prod"
    labels    = { app = "cache" }
  }
  spec {
    service_name = "cache"
    selector {
      match_labels = { app = "cache" }
    }
    template {
      metadata {
        labels = { app = "cache" }
      }
      spec {
        container {
          name  = "redis"
          image = "redis:7.2"
          readiness_probe {
            http_get {
              path = "/ready"
              port = "8080"
            }
            initial_delay_seconds = 5
          }
          resources {
            limits   = { memory = "1Gi" }
            requests = { cpu = "100m" }
          }
        }
      }
    }
  }
}

resource "kubernetes_horizontal_pod_autoscaler" "cache" {
  metadata {
    name      = "cache"
    namespace = "prod"
  }
  spec {
    min_replicas                      = 2
    max_replicas                      = 6
    target_cpu_utilization_percentage = 75
    scale_target_ref {
      api_version = "apps/v1"
      kind        = "StatefulSet"
      name        = "cache"
    }
  }
}

module "tenants" {
  source   = "./modules/tenant"
  for_each = toset(["acme"])
  settings = terraform_data.tenant_settings.output
}

# modules/tenant/main.tf (namespace "tenant-acme"), everything known only
# after apply:
#   resource "kubernetes_deployment_v1" "web" {
#     count = 1
#     # replicas = var.settings.replicas
#     # strategy { rolling_update { max_unavailable = var.settings.max_unavailable } }
#     # container "web": readiness_probe { http_get { path = "/ready" ... } },
#     #   a dynamic liveness_probe over var.settings,
#     #   resources { limits = var.settings.limits, requests = { cpu = "200m", memory = "256Mi" } }
#     # a dynamic topology_spread_constraint over var.settings
#   }
#   resource "kubernetes_horizontal_pod_autoscaler_v2" "web" {   # scale_target_ref.name = var.settings.target
#   resource "kubernetes_pod_disruption_budget_v1" "web" {       # selector.match_labels = var.settings.labels

# kubernetes_deployment_v1.old was removed from the configuration, so the
# plan deletes it.
