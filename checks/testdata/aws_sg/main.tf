# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
variable "region" { default = "eu-west-1" }
variable "tier_ports" { default = [443, 22] }

provider "aws" { region = var.region }

resource "aws_vpc" "peer" { # CIDR from IPAM: known only after apply
  ipv4_ipam_pool_id   = aws_vpc_ipam_pool.main.id
  ipv4_netmask_length = 20
}

resource "aws_security_group" "web" { # only 80/443 from the world
  name   = "web"
  vpc_id = "vpc-0e7f1c2d3b4a59687"
  ingress {
    from_port        = 443
    to_port          = 443
    protocol         = "tcp"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
  ingress {
    from_port        = 80
    to_port          = 80
    protocol         = "tcp"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
}

resource "aws_security_group" "ssh" {
  name   = "ssh"
  vpc_id = "vpc-0e7f1c2d3b4a59687"
  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = "vpc-0e7f1c2d3b4a59687"
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }
}

resource "aws_security_group" "all" { # every port from the IPv6 internet
  name   = "all"
  vpc_id = "vpc-0e7f1c2d3b4a59687"
  ingress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    ipv6_cidr_blocks = ["::/0"]
  }
}

resource "aws_security_group" "game" { # a public game port: a person should confirm
  name   = "game"
  vpc_id = "vpc-0e7f1c2d3b4a59687"
  ingress {
    from_port   = 27015
    to_port     = 27015
    protocol    = "udp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "wide" { # a range that covers MySQL and RDP
  name   = "wide"
  vpc_id = "vpc-0e7f1c2d3b4a59687"
  ingress {
    from_port   = 3000
    to_port     = 3500
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "peer" { # source CIDR known only after apply
  name   = "peer"
  vpc_id = "vpc-0e7f1c2d3b4a59687"
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.peer.cidr_block]
  }
}

resource "aws_security_group" "rules_only" { # rules in separate resources: judged there
  name   = "rules_only"
  vpc_id = "vpc-0e7f1c2d3b4a59687"
}

resource "aws_security_group" "tier" {
  count  = 2
  name   = "tier-${count.index}"
  vpc_id = "vpc-0e7f1c2d3b4a59687"
  ingress {
    from_port   = var.tier_ports[count.index]
    to_port     = var.tier_ports[count.index]
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

module "bastion" {
  source       = "./modules/bastion" # aws_security_group.this: SSH from var.allowed_cidr only
  allowed_cidr = "198.51.100.0/24"
}

resource "aws_default_security_group" "default" { # members only
  vpc_id = "vpc-0e7f1c2d3b4a59687"
  ingress {
    from_port = 0
    to_port   = 0
    protocol  = "-1"
    self      = true
  }
}

resource "aws_security_group_rule" "ssh_world" {
  type              = "ingress"
  security_group_id = aws_security_group.rules_only.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "https_world" {
  type              = "ingress"
  security_group_id = aws_security_group.rules_only.id
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "egress_all" { # egress: not judged
  type              = "egress"
  security_group_id = aws_security_group.rules_only.id
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "from_peer" {
  type              = "ingress"
  security_group_id = aws_security_group.rules_only.id
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = [aws_vpc.peer.cidr_block]
}

resource "aws_security_group_rule" "redis_v6" {
  type              = "ingress"
  security_group_id = aws_security_group.rules_only.id
  from_port         = 6379
  to_port           = 6379
  protocol          = "tcp"
  ipv6_cidr_blocks  = ["::/0"]
}

resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.rules_only.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "rdp" {
  security_group_id = aws_security_group.rules_only.id
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "everything" {
  security_group_id = aws_security_group.rules_only.id
  ip_protocol       = "-1"
  cidr_ipv6         = "::/0"
}

resource "aws_vpc_security_group_ingress_rule" "app" {
  security_group_id = aws_security_group.rules_only.id
  ip_protocol       = "tcp"
  from_port         = 8080
  to_port           = 8080
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "internal" {
  security_group_id = aws_security_group.rules_only.id
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
  cidr_ipv4         = "10.0.0.0/8"
}

# aws_security_group.old (SSH from anywhere) was removed from the
# configuration: the plan deletes it.
