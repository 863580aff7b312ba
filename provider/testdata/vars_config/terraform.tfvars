from_tfvars = true
