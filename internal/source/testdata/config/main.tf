terraform {
  required_version = ">= 1.5"
}

provider "aws" {
  region = "eu-west-1"
}

resource "aws_s3_bucket" "logs" {
  bucket = "example-logs"
}

resource "aws_instance" "web" {
  count         = 2
  ami           = data.aws_ami.base.id
  instance_type = "t3.micro"
}

data "aws_ami" "base" {
  most_recent = true
  owners      = ["amazon"]
}

module "app" {
  source   = "./modules/db"
  for_each = toset(["blue", "green"])
  name     = each.key
}

module "network" {
  source = "./modules/network"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}

module "loop" {
  source = "./modules/loop"
}
