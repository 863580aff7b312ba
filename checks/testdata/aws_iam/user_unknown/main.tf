# The configuration that plan.json models (AWS provider v5, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it.
# An attachment names a user read from SSM at apply: any user may be it.
provider "aws" { region = "eu-west-1" }

resource "random_pet" "svc" {}

resource "aws_iam_user" "svc" { # fail: attachment by reference, name known after apply
  name = random_pet.svc.id
  path = "/system/"
}

resource "aws_iam_user_policy_attachment" "svc" {
  user       = aws_iam_user.svc.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSQSFullAccess"
}

resource "aws_iam_user" "ops" { name = "ops" } # unknown: break_glass may name it

data "aws_ssm_parameter" "break_glass_user" { # read at apply (depends on a pending user)
  name       = "/iam/break-glass-user"
  depends_on = [aws_iam_user.ops]
}

resource "aws_iam_user_policy_attachment" "break_glass" {
  user       = data.aws_ssm_parameter.break_glass_user.value
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
