resource "aws_s3_bucket" "logs" {
  force_destroy = false
}
