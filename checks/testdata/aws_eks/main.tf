# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
variable "region" { default = "eu-west-1" }
variable "azs" { default = ["eu-west-1a", "eu-west-1b", "eu-west-1c"] }

provider "aws" { region = var.region }

module "vpc" {
  source = "terraform-aws-modules/vpc/aws" # reduced: aws_vpc.this[0] and aws_subnet.private[count = length(var.azs)]
  azs    = var.azs
  cidr   = "10.0.0.0/16"
  # output "private_subnets" { value = aws_subnet.private[*].id }
}

resource "aws_subnet" "batch" {
  vpc_id            = "vpc-0e7f1c2d3b4a59687"
  availability_zone = "eu-west-1b"
  cidr_block        = "10.0.50.0/24"
}

data "aws_ssm_parameter" "eks" { # read during apply
  name = "/eks/settings"
}

locals {
  spot_subnets = slice(module.vpc.private_subnets, 0, 2)
}

resource "aws_eks_cluster" "main" { # private endpoint, every log type
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

resource "aws_eks_cluster" "public" { # open to the internet, api logs only; existing subnets by ID
  name                      = "public"
  role_arn                  = aws_iam_role.cluster.arn
  version                   = "1.30"
  enabled_cluster_log_types = ["api"]
  vpc_config {
    subnet_ids              = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
    endpoint_private_access = true
    endpoint_public_access  = true
    public_access_cidrs     = ["0.0.0.0/0"]
  }
}

resource "aws_eks_cluster" "default" { # AWS defaults: public endpoint open to 0.0.0.0/0, no logs
  name     = "default"
  role_arn = aws_iam_role.cluster.arn
  version  = "1.30"
  vpc_config {
    subnet_ids              = module.vpc.private_subnets
    endpoint_private_access = true
  }
}

resource "aws_eks_cluster" "office" { # public endpoint for the office only; log types read at apply
  name                      = "office"
  role_arn                  = aws_iam_role.cluster.arn
  version                   = "1.30"
  enabled_cluster_log_types = split(",", data.aws_ssm_parameter.eks.value)
  vpc_config {
    subnet_ids              = module.vpc.private_subnets
    endpoint_private_access = true
    endpoint_public_access  = true
    public_access_cidrs     = ["203.0.113.0/24"]
  }
}

resource "aws_eks_cluster" "ops" { # allowed networks read at apply
  name                      = "ops"
  role_arn                  = aws_iam_role.cluster.arn
  version                   = "1.30"
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
  vpc_config {
    subnet_ids              = module.vpc.private_subnets
    endpoint_private_access = true
    endpoint_public_access  = true
    public_access_cidrs     = split(",", data.aws_ssm_parameter.eks.value)
  }
}

resource "aws_eks_node_group" "general" { # three zones through the VPC module's output
  cluster_name    = aws_eks_cluster.main.name
  node_group_name = "general"
  node_role_arn   = aws_iam_role.node.arn
  instance_types  = ["m7g.xlarge"]
  subnet_ids      = module.vpc.private_subnets
  scaling_config {
    min_size     = 2
    desired_size = 2
    max_size     = 6
  }
}

resource "aws_eks_node_group" "gpu" { # one element of the module output: which one is not in the plan
  cluster_name    = aws_eks_cluster.main.name
  node_group_name = "gpu"
  node_role_arn   = aws_iam_role.node.arn
  instance_types  = ["m7g.xlarge"]
  subnet_ids      = [module.vpc.private_subnets[0]]
  scaling_config {
    min_size     = 1
    desired_size = 1
    max_size     = 1
  }
}

resource "aws_eks_node_group" "batch" { # one subnet
  cluster_name    = aws_eks_cluster.main.name
  node_group_name = "batch"
  node_role_arn   = aws_iam_role.node.arn
  instance_types  = ["m7g.xlarge"]
  subnet_ids      = [aws_subnet.batch.id]
  scaling_config {
    min_size     = 0
    desired_size = 0
    max_size     = 10
  }
}

resource "aws_eks_node_group" "legacy" { # the subnets of cluster "public", which EKS keeps in two zones
  cluster_name    = aws_eks_cluster.public.name
  node_group_name = "legacy"
  node_role_arn   = aws_iam_role.node.arn
  instance_types  = ["m7g.xlarge"]
  subnet_ids      = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  scaling_config {
    min_size     = 3
    desired_size = 3
    max_size     = 3
  }
}

resource "aws_eks_node_group" "spot" { # subnets from a local
  cluster_name    = aws_eks_cluster.ops.name
  node_group_name = "spot"
  node_role_arn   = aws_iam_role.node.arn
  instance_types  = ["m7g.xlarge"]
  subnet_ids      = local.spot_subnets
  scaling_config {
    min_size     = 0
    desired_size = 0
    max_size     = 20
  }
}

module "platform" {
  source     = "./modules/platform"
  for_each   = toset(["prod", "staging"])
  name       = each.key
  subnet_ids = module.vpc.private_subnets
}

# modules/platform: an aws_eks_cluster "this" (private endpoint, every log
# type) and an aws_eks_node_group "this" over var.subnet_ids, 3..9 nodes.
#
# aws_eks_cluster.retired and aws_eks_node_group.retired were removed from
# the configuration: the plan deletes them. The IAM roles live in another state.

# An existing subnet (no change in this plan) with a known ID, and a
# resource pinned to it alone: the known ID proves a single zone.
resource "aws_subnet" "pinned" {
  vpc_id            = "vpc-0a1b2c3d4e5f60001"
  availability_zone = "eu-west-1a"
  cidr_block        = "10.0.200.0/24"
}

resource "aws_eks_node_group" "pinned" {
  # as aws_eks_node_group.batch, but in aws_subnet.pinned only
  subnet_ids = ["subnet-0a1b2c3d4e5f60001"]
}
