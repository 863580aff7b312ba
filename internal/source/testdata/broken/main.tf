resource "aws_s3_bucket" "kept" {
  bucket = "kept"
}

resource "aws_s3_bucket" "unterminated" {
  bucket = "oops
