# The configuration behind plan.json, for source locations.
module "app" {
  source   = "./modules/db"
  for_each = toset(["blue", "green"])
  name     = each.key
}

resource "aws_db_instance" "replica" {
  replicate_source_db = module.app["blue"].id
  instance_class      = "db.r6g.large"
}
