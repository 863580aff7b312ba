# The configuration that plan.json models (hashicorp/helm 3.x with the
# manifest experiment, hashicorp/kubernetes 2.38, Terraform 1.8.5). Kept
# beside the plan as its source; the providers cannot be fetched here, so the
# plan is written to match what `terraform show -json` prints for it (see
# README.md). Kubernetes manifests are abridged: every Deployment, StatefulSet
# and Rollout template holds one container with ports, resources
# (requests 250m/512Mi, limits 512Mi), liveness and readiness probes (except
# jobs-queue) and a zone topology spread, as plan.json shows.
terraform {
  required_providers {
    helm       = { source = "hashicorp/helm", version = "~> 3.0" }
    kubernetes = { source = "hashicorp/kubernetes", version = "~> 2.38" }
  }
}

provider "helm" {
  kubernetes  = { config_path = "~/.kube/config" }
  experiments = { manifest = true }
}

provider "kubernetes" {
  config_path = "~/.kube/config"
}

variable "probe_token" {
  type      = string
  sensitive = true
}

resource "terraform_data" "sizing" {
  input = "orders-sizing"
}

locals {
  charts = "oci://123456789012.dkr.ecr.eu-west-1.amazonaws.com/charts"
}

# replicaCount = 1 and autoscaling left to the chart: replicas fails.
resource "helm_release" "orders" {
  name        = "orders"
  chart       = "orders"
  repository  = local.charts
  version     = "2.3.1"
  namespace   = "shop"
  max_history = 10
  values = [<<-EOT
    replicaCount: 1
    image:
      tag: "2.3.1"
    resources:
      requests:
        cpu: 250m
        memory: 512Mi
      limits:
        memory: 512Mi
    livenessProbe:
      httpGet:
        path: /healthz
        port: http
    readinessProbe:
      httpGet:
        path: /ready
        port: http
  EOT
  ]
}

# autoscaling.enabled = true through set: autoscaling passes, replicas passes
# on minReplicas 3; a Flagger Canary below names its Deployment.
resource "helm_release" "payments" {
  name        = "payments"
  chart       = "payments"
  repository  = local.charts
  version     = "1.8.0"
  namespace   = "shop"
  atomic      = true
  max_history = 10
  values      = ["replicaCount: 2\n"]
  set = [
    { name = "autoscaling.enabled", value = "true" },
    { name = "autoscaling.minReplicas", value = "3" },
    { name = "podDisruptionBudget.enabled", value = "true" },
    { name = "podAnnotations.prometheus\\.io/scrape", value = "true", type = "string" },
  ]
}

# Everything set in two documents (the second overrides replicaCount).
resource "helm_release" "catalog" {
  name            = "catalog"
  chart           = "./charts/catalog"
  namespace       = "shop"
  atomic          = true
  cleanup_on_fail = true
  max_history     = 10
  values = [
    file("${path.module}/catalog-values.yaml"), # as plan.json's values[0]
    "replicaCount: 3\n",
  ]
}

# Nothing set: the chart decides everything; cleanup_on_fail alone.
resource "helm_release" "search" {
  name            = "search"
  chart           = "search"
  repository      = "https://charts.example.com"
  version         = "0.9.0"
  namespace       = "shop"
  cleanup_on_fail = true
  max_history     = 10
}

# A sensitive probe path, a replica count known only after apply, resources
# removed.
resource "helm_release" "billing" {
  name          = "billing"
  chart         = "billing"
  repository    = local.charts
  version       = "3.0.0"
  namespace     = "shop"
  atomic        = true
  max_history   = 10
  values        = ["resources: null\n"]
  set           = [{ name = "replicaCount", value = terraform_data.sizing.output }]
  set_sensitive = [{ name = "livenessProbe.httpGet.path", value = var.probe_token }]
}

# The manifest experiment puts the rendered objects in the plan: these two
# are judged through them (web: a Deployment, its HPA, PDB and Service; jobs:
# a Deployment and a single-replica StatefulSet without probes).
resource "helm_release" "web" {
  name        = "web"
  chart       = "web"
  repository  = local.charts
  version     = "4.1.0"
  namespace   = "shop"
  atomic      = true
  max_history = 10
  values      = ["replicaCount: 1\n"]
}

resource "helm_release" "jobs" {
  name        = "jobs"
  chart       = "jobs"
  repository  = local.charts
  version     = "0.3.0"
  namespace   = "shop"
  atomic      = terraform_data.sizing.output != "" # known only after apply
  max_history = 10
}

# Cluster add-ons: not judged as the team's services.
resource "helm_release" "ingress_nginx" {
  name        = "ingress-nginx"
  chart       = "ingress-nginx"
  repository  = "https://kubernetes.github.io/ingress-nginx"
  version     = "4.10.1"
  namespace   = "ingress-nginx"
  max_history = 10
  values      = ["controller:\n  replicaCount: 1\n"]
}

resource "helm_release" "argo_rollouts" {
  name        = "argo-rollouts"
  chart       = "argo-rollouts"
  repository  = "https://argoproj.github.io/argo-helm"
  version     = "2.35.3"
  namespace   = "argo-rollouts"
  max_history = 10
}

# Argo Rollouts: a canary with its own template; a blue-green that takes over
# the Deployment legacy (spec.workloadRef).
resource "kubernetes_manifest" "checkout_rollout" {
  manifest = {
    apiVersion = "argoproj.io/v1alpha1"
    kind       = "Rollout"
    metadata   = { name = "checkout", namespace = "shop", labels = { app = "checkout" } }
    spec = {
      replicas = 3
      selector = { matchLabels = { app = "checkout" } }
      strategy = { canary = { steps = [
        { setWeight = 20 }, { pause = { duration = "5m" } }, { setWeight = 50 }, { pause = { duration = "10m" } },
      ] } }
      template = { /* abridged: see the header */ }
    }
  }
}

resource "kubernetes_manifest" "legacy_rollout" {
  manifest = {
    apiVersion = "argoproj.io/v1alpha1"
    kind       = "Rollout"
    metadata   = { name = "legacy", namespace = "shop" }
    spec = {
      replicas    = 2
      selector    = { matchLabels = { app = "legacy" } }
      workloadRef = { apiVersion = "apps/v1", kind = "Deployment", name = "legacy", scaleDown = "onsuccess" }
      strategy    = { blueGreen = { activeService = "legacy", previewService = "legacy-preview", autoPromotionEnabled = false } }
    }
  }
}

resource "kubernetes_manifest" "legacy" {
  manifest = { apiVersion = "apps/v1", kind = "Deployment", metadata = { name = "legacy", namespace = "shop" }, spec = { replicas = 0 /* abridged */ } }
}

# A Deployment a Flagger Canary targets, and a plain one.
resource "kubernetes_manifest" "frontend" {
  manifest = { apiVersion = "apps/v1", kind = "Deployment", metadata = { name = "frontend", namespace = "shop" }, spec = { replicas = 2 /* abridged */ } }
}

resource "kubernetes_manifest" "frontend_canary" {
  manifest = {
    apiVersion = "flagger.app/v1beta1"
    kind       = "Canary"
    metadata   = { name = "frontend", namespace = "shop" }
    spec = {
      targetRef = { apiVersion = "apps/v1", kind = "Deployment", name = "frontend" }
      service   = { port = 80, targetPort = 8080 }
      analysis  = { interval = "1m", threshold = 5, maxWeight = 50, stepWeight = 10 }
    }
  }
}

resource "kubernetes_manifest" "payments_canary" {
  manifest = {
    apiVersion = "flagger.app/v1beta1"
    kind       = "Canary"
    metadata   = { name = "payments", namespace = "shop" }
    spec = {
      targetRef = { apiVersion = "apps/v1", kind = "Deployment", name = "payments" }
      service   = { port = 80 }
      analysis  = { interval = "1m", threshold = 5, maxWeight = 50, stepWeight = 10 }
    }
  }
}

resource "kubernetes_manifest" "plain" {
  manifest = { apiVersion = "apps/v1", kind = "Deployment", metadata = { name = "plain", namespace = "shop" }, spec = { replicas = 2 /* abridged */ } }
}
