resource "aws_s3_bucket" "here" {
  bucket = "here"
}
