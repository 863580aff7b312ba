# A plan made with -target plans part of the configuration: here
# terraform_data.database, while terraform_data.cache is left out.
resource "terraform_data" "database" {
  input = "db"
}

resource "terraform_data" "cache" {
  input = "cache"
}
