# The configuration that plan.json models (AWS provider v5, Helm provider v2,
# Terraform 1.8.5). Kept beside the plan as its source; the providers cannot be
# fetched here, so the plan is written to match what `terraform show -json`
# prints for it. Karpenter, installed by this configuration, scales the cluster.
variable "region" { default = "eu-west-1" }
variable "azs" { default = ["eu-west-1a", "eu-west-1b", "eu-west-1c"] }

provider "aws" { region = var.region }

provider "helm" {
  kubernetes {
    host = aws_eks_cluster.main.endpoint
    # ...
  }
}

module "vpc" {
  source = "terraform-aws-modules/vpc/aws" # reduced, as in ../aws_eks
  azs    = var.azs
  cidr   = "10.0.0.0/16"
}

resource "aws_eks_cluster" "main" {
  name                      = "main"
  role_arn                  = aws_iam_role.cluster.arn
  version                   = "1.30"
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
  vpc_config {
    subnet_ids              = module.vpc.private_subnets
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}

resource "aws_eks_node_group" "system" {
  cluster_name    = aws_eks_cluster.main.name
  node_group_name = "system"
  node_role_arn   = aws_iam_role.node.arn
  instance_types  = ["m7g.xlarge"]
  subnet_ids      = module.vpc.private_subnets
  scaling_config {
    min_size     = 2
    desired_size = 2
    max_size     = 4
  }
}

resource "aws_eks_node_group" "fixed" {
  cluster_name    = aws_eks_cluster.main.name
  node_group_name = "fixed"
  node_role_arn   = aws_iam_role.node.arn
  instance_types  = ["m7g.xlarge"]
  subnet_ids      = module.vpc.private_subnets
  scaling_config {
    min_size     = 2
    desired_size = 2
    max_size     = 2
  }
}

resource "helm_release" "karpenter" {
  name       = "karpenter"
  namespace  = "kube-system"
  repository = "oci://public.ecr.aws/karpenter"
  chart      = "karpenter"
  version    = "1.0.6"
}
