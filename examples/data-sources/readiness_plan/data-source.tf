# Judge a plan saved by `terraform show -json tfplan > plan.json` (a binary
# plan from `terraform plan -out tfplan` works too).
data "readiness_plan" "release" {
  path = "${path.module}/plan.json"
}

output "ready" {
  value = data.readiness_plan.release.ready
}

output "summary" {
  value = data.readiness_plan.release.summary
}

# One line per failure, most severe first.
output "failures" {
  value = data.readiness_plan.release.failures
}

# Inside a check block, failures at or above fail_on are warnings: the run
# goes on and lists them. Outside one, they are errors that stop the plan.
check "release_ready" {
  data "readiness_plan" "gate" {
    path    = "${path.module}/plan.json"
    fail_on = "high"
  }

  assert {
    condition     = data.readiness_plan.gate.ready
    error_message = data.readiness_plan.gate.summary
  }
}
