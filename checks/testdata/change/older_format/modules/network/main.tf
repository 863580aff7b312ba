variable "subnet_ids" {
  description = "IDs of the private subnets the app runs in"
}

data "aws_subnet" "private" {
  count = length(var.subnet_ids)
  id    = var.subnet_ids[count.index]
}

output "private_subnet_ids" {
  value = data.aws_subnet.private[*].id
}
