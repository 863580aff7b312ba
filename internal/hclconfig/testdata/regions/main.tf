# Regions from locals and variables, as the terraform-aws-modules examples
# write them (hclconfig's TestRegionsFromExpressions).

variable "dr_region" {
  type    = string
  default = "eu-central-1"
}

variable "unset_region" {
  type = string
}

locals {
  region = "eu-west-1"
}

provider "aws" {
  region = local.region
}

provider "aws" {
  alias  = "dr"
  region = var.dr_region
}

provider "aws" {
  alias  = "unknown"
  region = var.unset_region
}

resource "aws_dynamodb_table" "main" {
  name     = "main"
  hash_key = "id"
}

resource "aws_dynamodb_table" "dr" {
  provider = aws.dr
  name     = "dr"
  hash_key = "id"
}

resource "aws_dynamodb_table" "elsewhere" {
  provider = aws.unknown
  name     = "elsewhere"
  hash_key = "id"
}
