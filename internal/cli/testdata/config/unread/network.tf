module "vpc" {
  source = "git::https://example.com/network/vpc.git?ref=v5.0.0"
}
