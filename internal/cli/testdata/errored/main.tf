# Planning fails part way: for_each over a value known only after apply is
# an error Terraform reports while planning, after terraform_data.seed is
# planned. Terraform (1.4 and later) still writes the plan, marked errored.
resource "terraform_data" "seed" {
  input = "seed"
}

resource "terraform_data" "replicas" {
  for_each = toset([terraform_data.seed.id])
  input    = each.key
}
