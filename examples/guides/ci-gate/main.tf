# Shared by every example: the provider's source address. With a
# dev_overrides CLI configuration (see internal/e2e), Terraform uses a local
# build and needs no terraform init.
terraform {
  required_version = ">= 1.8.0"
  required_providers {
    readiness = {
      source = "prodready/readiness"
    }
  }
}

# A gate for CI: the pipeline writes the candidate plan as JSON beside this
# configuration, then runs `terraform plan` here. Any failure at or above
# fail_on is an error, one per finding, so the plan (and the pipeline step)
# fails and lists them.
variable "plan_file" {
  type        = string
  description = "The plan to judge, as `terraform show -json` writes it, relative to this directory."
  default     = "plan.json"
}

data "readiness_plan" "candidate" {
  path    = "${path.module}/${var.plan_file}"
  fail_on = "high"
}

output "summary" {
  value = data.readiness_plan.candidate.summary
}

output "score" {
  value = data.readiness_plan.candidate.score
}
