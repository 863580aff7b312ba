# default_tags of the AWS provider merge into tags_all, as a plan shows
# (hclconfig's TestDefaultTags).

variable "owner_from_elsewhere" {
  type = string
}

provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { owner = "payments", environment = "production" }
  }
}

provider "aws" {
  alias  = "dr"
  region = "eu-central-1"
  default_tags {
    tags = { owner = var.owner_from_elsewhere }
  }
}

provider "aws" {
  alias  = "bare"
  region = "us-east-1"
}

# No tags of its own: tags_all is the defaults.
resource "aws_s3_bucket" "plain" {
  bucket = "plain"
}

# Its own tags win over the defaults.
resource "aws_db_instance" "tagged" {
  instance_class = "db.m6g.large"
  tags           = { environment = "staging", team = "orders" }
}

# Defaults known only once a variable has a value.
resource "aws_s3_bucket" "dr" {
  provider = aws.dr
  bucket   = "dr"
}

# A provider without default_tags.
resource "aws_s3_bucket" "bare" {
  provider = aws.bare
  bucket   = "bare"
}

# A type without tags_all in any AWS provider version.
resource "aws_s3_bucket_versioning" "plain" {
  bucket = aws_s3_bucket.plain.id
  versioning_configuration {
    status = "Enabled"
  }
}

# A module gets the root's default provider configuration.
module "store" {
  source = "./modules/store"
}
