# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
# Shared by the instance_choice checks.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

variable "region" { default = "eu-west-1" }
variable "private_subnet_ids" { type = list(string) }
variable "mq_password" { sensitive = true }

provider "aws" { region = var.region }

data "aws_ami" "al2023" {
  most_recent = true
  owners      = ["amazon"]
}

# Values known only after apply.
resource "terraform_data" "size" { input = "m7i.large" }
resource "terraform_data" "class" { input = "db.r7g.large" }
resource "terraform_data" "capacity" { input = "ON_DEMAND" }

# --- EC2 instances
resource "aws_instance" "web" {
  ami           = data.aws_ami.al2023.id
  instance_type = "m7g.large"
  tags          = { Name = "web" }
}

resource "aws_instance" "legacy" { # previous generation
  ami           = data.aws_ami.al2023.id
  instance_type = "t2.medium"
  tags          = { Name = "legacy-admin" }
}

resource "aws_instance" "tiny" { # micro size
  ami           = data.aws_ami.al2023.id
  instance_type = "t3.micro"
  tags          = { Name = "status-page" }
}

resource "aws_instance" "from_template" { # type comes from the launch template
  ami = data.aws_ami.al2023.id
  launch_template {
    id      = aws_launch_template.flexible.id
    version = "$Latest"
  }
}

resource "aws_instance" "chosen" { # known only after apply
  ami           = data.aws_ami.al2023.id
  instance_type = terraform_data.size.output
}

resource "aws_instance" "exotic" { # not in the catalogue
  ami           = data.aws_ami.al2023.id
  instance_type = "u-6tb1.112xlarge"
  tags          = { Name = "sap-hana" }
}

resource "aws_instance" "gpu_worker" {
  count         = 2
  ami           = data.aws_ami.al2023.id
  instance_type = "g5.xlarge"
  tags          = { Name = "gpu-worker-${count.index}", workload = "gpu" }
}

resource "aws_instance" "gpu_pending" {
  ami           = data.aws_ami.al2023.id
  instance_type = terraform_data.size.output
  tags          = { Name = "trainer", workload = "gpu" }
}

resource "aws_instance" "render" { # a GPU nothing asks for
  ami           = data.aws_ami.al2023.id
  instance_type = "p3.2xlarge"
  tags          = { Name = "render" }
}

resource "aws_instance" "cuda_on_cpu" { # asks for a GPU, gets none
  ami           = data.aws_ami.al2023.id
  instance_type = "m5.xlarge"
  tags          = { Name = "cuda-jobs", gpu = "true" }
}

resource "aws_instance" "batch_cpu" {
  ami           = data.aws_ami.al2023.id
  instance_type = "c7i.large"
  tags          = { Name = "batch", workload = "no-gpu" }
}

# aws_instance.gone (t2.micro) was removed from the configuration: deleted.

# --- Launch templates and configurations
module "workers" {
  source        = "./modules/workers" # one aws_launch_template.this
  for_each      = { blue = "c4.large", green = "c7i.large" }
  instance_type = each.value
  image_id      = "ami-0c1c30571d2dae5c9"
}

resource "aws_launch_template" "flexible" { # attribute-based selection: no type
  image_id = "ami-0c1c30571d2dae5c9"
  instance_requirements {
    vcpu_count {
      min = 2
      max = 8
    }
    memory_mib { min = 4096 }
  }
}

resource "aws_launch_configuration" "old" {
  name_prefix   = "old-"
  image_id      = "ami-0c1c30571d2dae5c9"
  instance_type = "m3.medium"
}

# --- EKS node groups (all with cluster_name, node_role_arn, subnet_ids and
# scaling_config { desired_size = 2, max_size = 6, min_size = 2 })
module "eks" {
  source             = "./modules/eks"
  cluster_name       = aws_eks_cluster.main.name
  private_subnet_ids = var.private_subnet_ids
  # aws_eks_node_group.general: instance_types, ami_type and capacity_type unset
  # aws_eks_node_group.gpu: for_each = {
  #   l4 = { instance_types = ["g6.xlarge"], ami_type = "AL2023_x86_64_NVIDIA" }
  #   t4 = { instance_types = ["g4dn.xlarge"], ami_type = "BOTTLEROCKET_x86_64" }
  # }, capacity_type = "ON_DEMAND", labels = { accelerator = "nvidia" }
}

resource "aws_eks_node_group" "gpu" {
  node_group_name = "gpu"
  instance_types  = ["g5.xlarge", "g6.xlarge"]
  ami_type        = "AL2023_x86_64_NVIDIA"
  capacity_type   = "ON_DEMAND"
  # cluster_name, node_role_arn, subnet_ids, scaling_config as above
}

resource "aws_eks_node_group" "gpu_plain_ami" {
  node_group_name = "gpu-plain-ami"
  instance_types  = ["g4dn.xlarge"]
  ami_type        = "AL2_x86_64" # no NVIDIA drivers
  capacity_type   = "ON_DEMAND"
  labels          = { "nvidia.com/gpu.present" = "true" }
}

resource "aws_eks_node_group" "neuron" {
  node_group_name = "neuron"
  instance_types  = ["inf2.xlarge"]
  ami_type        = "AL2023_x86_64_NEURON"
  capacity_type   = "ON_DEMAND"
}

resource "aws_eks_node_group" "cpu_with_gpu_ami" {
  node_group_name = "cpu-with-gpu-ami"
  instance_types  = ["m6i.large"]
  ami_type        = "AL2_x86_64_GPU"
  capacity_type   = "ON_DEMAND"
}

resource "aws_eks_node_group" "custom" {
  node_group_name = "custom"
  instance_types  = ["g6e.xlarge"]
  ami_type        = "CUSTOM"
  capacity_type   = "ON_DEMAND"
  launch_template {
    id      = aws_launch_template.flexible.id
    version = "3"
  }
  taint {
    key    = "nvidia.com/gpu"
    value  = "true"
    effect = "NO_SCHEDULE"
  }
}

resource "aws_eks_node_group" "pending_ami" { # ami_type unset
  node_group_name = "pending-ami"
  instance_types  = ["g6.2xlarge"]
  capacity_type   = "ON_DEMAND"
  tags            = { workload = "ml-inference" }
}

resource "aws_eks_node_group" "spot" {
  count           = 1
  node_group_name = count.index
  instance_types  = ["m7i.large", "m6i.large"]
  ami_type        = "AL2023_x86_64_STANDARD"
  capacity_type   = "SPOT"
}

resource "aws_eks_node_group" "batch_tmpl" { # types from the launch template
  node_group_name = "batch-tmpl"
  ami_type        = "AL2023_x86_64_STANDARD"
  capacity_type   = terraform_data.capacity.output
  launch_template {
    id      = aws_launch_template.flexible.id
    version = "3"
  }
}

# aws_eks_node_group.old was removed from the configuration: deleted.

# --- Data stores (aws_db_instance.* with engine postgres 16.3, multi_az,
# encryption and a managed master password)
resource "aws_db_instance" "main" { instance_class = "db.r6g.large" }
resource "aws_db_instance" "small" { instance_class = "db.t3.micro" }
resource "aws_db_instance" "old" { instance_class = "db.m4.large" }
resource "aws_db_instance" "pending" { instance_class = terraform_data.class.output }
# aws_db_instance.retired was removed from the configuration: deleted.

resource "aws_rds_cluster" "aurora" {
  cluster_identifier = "orders"
  engine             = "aurora-postgresql"
  engine_version     = "16.4"
  serverlessv2_scaling_configuration {
    max_capacity = 16
    min_capacity = 0.5
  }
}

locals { aurora_classes = ["db.serverless", "db.t4g.medium"] }

resource "aws_rds_cluster_instance" "aurora" {
  count              = 2
  identifier         = "orders-${count.index}"
  cluster_identifier = aws_rds_cluster.aurora.id
  engine             = aws_rds_cluster.aurora.engine
  instance_class     = local.aurora_classes[count.index]
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "sessions"
  engine                     = "redis"
  node_type                  = "cache.t4g.micro"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true
}

resource "aws_elasticache_cluster" "member" { # node type from the group
  cluster_id           = "sessions-003"
  replication_group_id = aws_elasticache_replication_group.sessions.id
}

resource "aws_elasticache_cluster" "memcached" {
  cluster_id      = "catalog-cache"
  engine          = "memcached"
  node_type       = "cache.m7g.large"
  num_cache_nodes = 2
  az_mode         = "cross-az"
  port            = 11211
}

resource "aws_opensearch_domain" "logs" {
  domain_name    = "logs"
  engine_version = "OpenSearch_2.13"
  cluster_config {
    instance_type            = "r6g.large.search"
    instance_count           = 3
    dedicated_master_enabled = true
    dedicated_master_type    = "m6g.large.search"
    dedicated_master_count   = 3
    zone_awareness_enabled   = true
  }
}

resource "aws_elasticsearch_domain" "legacy" {
  domain_name           = "legacy-search"
  elasticsearch_version = "7.10"
  cluster_config {
    instance_type          = "t2.small.elasticsearch"
    instance_count         = 3
    zone_awareness_enabled = true
  }
}

module "queue" {
  source        = "./modules/queue" # aws_mq_broker.this, RabbitMQ 3.13
  instance_type = "mq.t3.micro"
  mq_password   = var.mq_password
}
