resource "aws_dynamodb_table" "this" {
  name     = "store"
  hash_key = "id"
  attribute {
    name = "id"
    type = "S"
  }
}
