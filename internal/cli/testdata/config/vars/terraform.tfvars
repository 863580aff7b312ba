tfvars = true
auto   = false
