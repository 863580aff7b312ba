# Judge a configuration directory without planning it: variables, locals,
# count, for_each and local modules are evaluated; what only an apply would
# know is unknown.
data "readiness_config" "infra" {
  dir = "${path.module}/infra"
}

output "ready" {
  value = data.readiness_config.infra.ready
}

output "score" {
  value = data.readiness_config.infra.score
}

# Failures per checklist section.
output "sections" {
  value = { for s in data.readiness_config.infra.sections : s.section => s.fail }
}
