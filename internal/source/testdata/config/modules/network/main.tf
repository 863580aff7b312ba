resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

module "subnets" {
  source = "./subnets"
  vpc_id = aws_vpc.main.id
}
