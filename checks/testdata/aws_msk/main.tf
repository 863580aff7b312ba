# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
variable "region" { default = "eu-west-1" }
variable "azs" { default = ["eu-west-1a", "eu-west-1b", "eu-west-1c"] }

provider "aws" { region = var.region }

resource "aws_subnet" "kafka" {
  count             = length(var.azs)
  vpc_id            = "vpc-0e7f1c2d3b4a59687"
  availability_zone = var.azs[count.index]
  cidr_block        = "10.0.${count.index + 1}.0/24"
}

data "aws_subnets" "kafka" { # read during apply
  filter {
    name   = "tag:Tier"
    values = ["kafka"]
  }
}

resource "aws_msk_cluster" "events" { # three zones
  cluster_name           = "events"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3
  broker_node_group_info {
    instance_type   = "kafka.m7g.large"
    client_subnets  = aws_subnet.kafka[*].id
    security_groups = [aws_security_group.msk.id]
    storage_info {
      ebs_storage_info {
        volume_size = 1000
      }
    }
  }
}

resource "aws_msk_cluster" "legacy" { # two existing subnets: one per zone by AWS rule
  count                  = 1
  cluster_name           = "legacy"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 4
  broker_node_group_info {
    instance_type   = "kafka.m7g.large"
    client_subnets  = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
    security_groups = [aws_security_group.msk.id]
    storage_info {
      ebs_storage_info {
        volume_size = 1000
      }
    }
  }
}

resource "aws_msk_cluster" "dynamic" { # subnets known only after apply
  cluster_name           = "dynamic"
  kafka_version          = "3.6.0"
  number_of_broker_nodes = 3
  broker_node_group_info {
    instance_type   = "kafka.m7g.large"
    client_subnets  = data.aws_subnets.kafka.ids
    security_groups = [aws_security_group.msk.id]
    storage_info {
      ebs_storage_info {
        volume_size = 1000
      }
    }
  }
}

module "stream" { # a single subnet (MSK would refuse it at apply; the check says why before)
  source     = "./modules/stream" # aws_msk_cluster.this with client_subnets = var.subnet_ids, one broker
  subnet_ids = [aws_subnet.kafka[0].id]
}

# aws_msk_cluster.old was removed from the configuration: the plan deletes it.
# aws_security_group.msk lives in another state.

# An existing subnet (no change in this plan) with a known ID, and a
# resource pinned to it alone: the known ID proves a single zone.
resource "aws_subnet" "pinned" {
  vpc_id            = "vpc-0a1b2c3d4e5f60001"
  availability_zone = "eu-west-1a"
  cidr_block        = "10.0.200.0/24"
}

resource "aws_msk_cluster" "pinned" {
  # as module.stream's cluster, but in aws_subnet.pinned only
  broker_node_group_info {
    client_subnets = ["subnet-0a1b2c3d4e5f60001"]
  }
}
