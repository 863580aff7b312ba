# The configuration that plan.json models (kubernetes provider v2's
# kubernetes_manifest, Terraform 1.8.5). Kept beside the plan as its source;
# the provider cannot be fetched here, so the plan is written to match what
# `terraform show -json` prints for it. Manifests are abridged: every
# container also declares ports = [{ containerPort = 8080, name = "http" }],
# and probes also set initialDelaySeconds = 5 and periodSeconds = 10.
terraform {
  required_providers {
    kubernetes = { source = "hashicorp/kubernetes", version = "~> 2.30" }
  }
}

provider "kubernetes" {
  config_path = "~/.kube/config"
}

resource "terraform_data" "rollout" {
  input = "canary"
}

locals {
  resources = { requests = { cpu = "250m", memory = "512Mi" }, limits = { memory = "512Mi" } }
}

# Everything right; an HPA and a PDB find it by name and by labels.
resource "kubernetes_manifest" "checkout" {
  manifest = {
    apiVersion = "apps/v1"
    kind       = "Deployment"
    metadata   = { name = "checkout", namespace = "shop", labels = { app = "checkout" } }
    spec = {
      replicas = 3
      selector = { matchLabels = { app = "checkout" } }
      strategy = { type = "RollingUpdate", rollingUpdate = { maxSurge = "25%", maxUnavailable = "25%" } }
      template = {
        metadata = { labels = { app = "checkout" } }
        spec = {
          containers = [{
            name           = "checkout"
            image          = "example/checkout:5.2.0"
            livenessProbe  = { httpGet = { path = "/healthz", port = 8080 } }
            readinessProbe = { httpGet = { path = "/ready", port = 8080 } }
            resources      = local.resources
          }]
          topologySpreadConstraints = [{
            maxSkew           = 1
            topologyKey       = "topology.kubernetes.io/zone"
            whenUnsatisfiable = "ScheduleAnyway"
            labelSelector     = { matchLabels = { app = "checkout" } }
          }]
        }
      }
    }
  }
}

resource "kubernetes_manifest" "checkout_hpa" {
  manifest = {
    apiVersion = "autoscaling/v2"
    kind       = "HorizontalPodAutoscaler"
    metadata   = { name = "checkout", namespace = "shop" }
    spec = {
      minReplicas    = 2
      maxReplicas    = 10
      scaleTargetRef = { apiVersion = "apps/v1", kind = "Deployment", name = "checkout" }
      metrics = [{
        type     = "Resource"
        resource = { name = "cpu", target = { type = "Utilization", averageUtilization = 70 } }
      }]
    }
  }
}

resource "kubernetes_manifest" "checkout_pdb" {
  manifest = {
    apiVersion = "policy/v1"
    kind       = "PodDisruptionBudget"
    metadata   = { name = "checkout", namespace = "shop" }
    spec       = { maxUnavailable = 1, selector = { matchLabels = { app = "checkout" } } }
  }
}

# No replicas, probes or resources; Recreate; a KEDA ScaledObject that may
# scale it to zero.
resource "kubernetes_manifest" "legacy_api" {
  manifest = {
    apiVersion = "apps/v1"
    kind       = "Deployment"
    metadata   = { name = "legacy-api", namespace = "shop", labels = { app = "legacy-api" } }
    spec = {
      selector = { matchLabels = { app = "legacy-api" } }
      strategy = { type = "Recreate" }
      template = {
        metadata = { labels = { app = "legacy-api" } }
        spec = {
          containers = [{ name = "legacy-api", image = "example/legacy-api:0.9.1" }]
        }
      }
    }
  }
}

resource "kubernetes_manifest" "legacy_api_scaler" {
  manifest = {
    apiVersion = "keda.sh/v1alpha1"
    kind       = "ScaledObject"
    metadata   = { name = "legacy-api", namespace = "shop" }
    spec = {
      minReplicaCount = 0
      maxReplicaCount = 5
      scaleTargetRef  = { name = kubernetes_manifest.legacy_api.manifest.metadata.name }
      triggers        = [{ type = "cpu", metricType = "Utilization", metadata = { value = "70" } }]
    }
  }
}

# A StatefulSet spread over zones by anti-affinity; no autoscaler, no PDB.
resource "kubernetes_manifest" "queue" {
  for_each = toset(["orders"])
  manifest = {
    apiVersion = "apps/v1"
    kind       = "StatefulSet"
    metadata   = { name = "queue-${each.key}", namespace = "shop", labels = { app = "queue-${each.key}" } }
    spec = {
      replicas    = 2
      serviceName = "queue-${each.key}"
      selector    = { matchLabels = { app = "queue-${each.key}" } }
      template = {
        metadata = { labels = { app = "queue-${each.key}" } }
        spec = {
          containers = [{
            name           = "rabbitmq"
            image          = "rabbitmq:3.13"
            livenessProbe  = { httpGet = { path = "/healthz", port = 8080 } }
            readinessProbe = { httpGet = { path = "/ready", port = 8080 } }
            resources      = local.resources
          }]
          affinity = {
            podAntiAffinity = {
              preferredDuringSchedulingIgnoredDuringExecution = [{
                weight = 100
                podAffinityTerm = {
                  topologyKey   = "topology.kubernetes.io/zone"
                  labelSelector = { matchLabels = { app = "queue-${each.key}" } }
                }
              }]
            }
          }
        }
      }
    }
  }
}

# Replicas, a probe, a limit, spread and maxUnavailable known only after
# apply; in its namespace an HPA and a PDB whose target and selector are too.
resource "kubernetes_manifest" "canary" {
  manifest = {
    apiVersion = "apps/v1"
    kind       = "Deployment"
    metadata   = { name = "canary", namespace = "canary", labels = { app = "canary" } }
    spec = {
      replicas = terraform_data.rollout.output
      selector = { matchLabels = { app = "canary" } }
      strategy = { type = "RollingUpdate", rollingUpdate = { maxUnavailable = terraform_data.rollout.output } }
      template = {
        metadata = { labels = { app = "canary" } }
        spec = {
          containers = [{
            name           = "canary"
            image          = "example/checkout:5.3.0-rc1"
            livenessProbe  = terraform_data.rollout.output
            readinessProbe = { httpGet = { path = "/ready", port = 8080 } }
            resources      = { requests = { cpu = "250m", memory = "512Mi" }, limits = terraform_data.rollout.output }
          }]
          topologySpreadConstraints = terraform_data.rollout.output
        }
      }
    }
  }
}

resource "kubernetes_manifest" "canary_hpa" {
  manifest = {
    apiVersion = "autoscaling/v2"
    kind       = "HorizontalPodAutoscaler"
    metadata   = { name = "canary", namespace = "canary" }
    spec = {
      minReplicas    = 1
      maxReplicas    = 4
      scaleTargetRef = { apiVersion = "apps/v1", kind = "Deployment", name = terraform_data.rollout.output }
    }
  }
}

resource "kubernetes_manifest" "canary_pdb" {
  manifest = {
    apiVersion = "policy/v1"
    kind       = "PodDisruptionBudget"
    metadata   = { name = "canary", namespace = "canary" }
    spec       = { maxUnavailable = 1, selector = { matchLabels = terraform_data.rollout.output } }
  }
}

# Not a workload: no result.
resource "kubernetes_manifest" "settings" {
  manifest = {
    apiVersion = "v1"
    kind       = "ConfigMap"
    metadata   = { name = "settings", namespace = "shop" }
    data       = { LOG_LEVEL = "info" }
  }
}

module "jobs" {
  source    = "./modules/jobs"
  namespace = "jobs"
}

# modules/jobs/main.tf: a kubernetes_manifest "worker", Deployment "worker" in
# var.namespace with replicas = 2, probes and resources as "checkout", and
# strategy = { type = "RollingUpdate", rollingUpdate = { maxUnavailable = 2 } }.

# kubernetes_manifest.old was removed from the configuration, so the plan
# deletes it.
