# A module that calls itself: indexing must stop.
resource "aws_sns_topic" "alerts" {
  name = "alerts"
}

module "again" {
  source = "../loop"
}
