# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
variable "region" { default = "eu-west-1" }
variable "azs" { default = ["eu-west-1a", "eu-west-1b", "eu-west-1c"] }

provider "aws" { region = var.region }

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags       = { Name = "main" }
}

resource "aws_subnet" "public" {
  count                   = length(var.azs)
  vpc_id                  = aws_vpc.main.id
  availability_zone       = var.azs[count.index]
  cidr_block              = "10.0.${101 + count.index}.0/24"
  map_public_ip_on_launch = true
}

resource "aws_subnet" "private" {
  count             = length(var.azs)
  vpc_id            = aws_vpc.main.id
  availability_zone = var.azs[count.index]
  cidr_block        = "10.0.${1 + count.index}.0/24"
}

# One NAT gateway per zone, each serving the private route table of its zone.
resource "aws_nat_gateway" "zonal" {
  count         = length(var.azs)
  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id
}

resource "aws_route_table" "private" {
  count  = length(var.azs)
  vpc_id = aws_vpc.main.id
}

resource "aws_route" "private_nat" {
  count                  = length(var.azs)
  route_table_id         = aws_route_table.private[count.index].id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.zonal[count.index].id
}

resource "aws_route_table_association" "private" {
  count          = length(var.azs)
  route_table_id = aws_route_table.private[count.index].id
  subnet_id      = aws_subnet.private[count.index].id
}

resource "aws_nat_gateway" "spare" { # no route uses it
  allocation_id = aws_eip.spare.id
  subnet_id     = aws_subnet.public[0].id
}

data "aws_subnets" "edge" { # read during apply
  filter {
    name   = "tag:Tier"
    values = ["edge"]
  }
}

resource "aws_nat_gateway" "edge" { # its subnet is known only after apply
  allocation_id = aws_eip.edge.id
  subnet_id     = data.aws_subnets.edge.ids[0]
}

# An existing NAT gateway (no changes in this plan) for a private subnet of its own zone.
resource "aws_subnet" "legacy_public" {
  vpc_id            = "vpc-0e7f1c2d3b4a59687"
  availability_zone = "eu-west-1b"
  cidr_block        = "10.0.200.0/24"
}

resource "aws_subnet" "legacy_private" {
  vpc_id            = "vpc-0e7f1c2d3b4a59687"
  availability_zone = "eu-west-1b"
  cidr_block        = "10.0.201.0/24"
}

resource "aws_nat_gateway" "legacy" {
  allocation_id = "eipalloc-0c1d2e3f4a5b6c7d8"
  subnet_id     = aws_subnet.legacy_public.id
  tags          = { Name = "legacy" }
}

resource "aws_route_table" "legacy" {
  vpc_id = "vpc-0e7f1c2d3b4a59687"
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.legacy.id
  }
}

resource "aws_route_table_association" "legacy" {
  route_table_id = aws_route_table.legacy.id
  subnet_id      = aws_subnet.legacy_private.id
}

module "shared" {
  source = "./modules/shared-nat"
  azs    = ["eu-west-1a", "eu-west-1b"]
}

# modules/shared-nat: a VPC with public and private subnets in var.azs and a
# single NAT gateway for all of them:
#   resource "aws_nat_gateway" "this" {
#     allocation_id = aws_eip.nat.id
#     subnet_id     = aws_subnet.public[0].id
#   }
#   resource "aws_route_table" "private" {
#     vpc_id = aws_vpc.this.id
#     route {
#       cidr_block     = "0.0.0.0/0"
#       nat_gateway_id = aws_nat_gateway.this.id
#     }
#   }
#   resource "aws_route_table_association" "private" {
#     count          = length(var.azs)
#     route_table_id = aws_route_table.private.id
#     subnet_id      = aws_subnet.private[count.index].id
#   }
#
# aws_nat_gateway.old was removed from the configuration: the plan deletes it.
# The Elastic IPs live in another state.
