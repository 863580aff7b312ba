package config

// Starter is the commented configuration 'readiness init' writes. It parses
// as it is, and changes nothing but what its uncommented lines say.
const Starter = `# .readiness.hcl: how 'readiness scan' judges this repository's plans.
# readiness finds this file in the working directory or a parent directory
# (up to the repository's root), or reads the one --config names.
# Reference: docs/configuration.md

# The profile, threshold and gate when --profile, --fail-on and --gate are
# not given.
# profile: production, staging or development.
profile = "production"
# fail_on: critical, high, medium, low or none.
fail_on = "high"
# gate: all (every failure at or above fail_on blocks), or introduced (only
# the failures a plan introduces block; those there before it are reported).
# gate = "introduced"

# Tag keys that name a resource's environment tier. A resource tagged
# dev, development, test or staging is then judged with that profile's
# rules instead of the run's (prod and production: production). None by
# default: every resource is judged with the run's profile.
# tier_tags = ["environment", "env", "tier"]

# Which checks run: check IDs, categories or sections. 'enabled', when not
# empty, runs only what it names; 'disabled' then removes what it names.
# 'readiness checks' lists the IDs.
checks {
  enabled  = []
  disabled = []
}

# Change a check's severity (the profile still adjusts it, as it does any
# check's).
# severity "aws_lambda_tracing" {
#   level = "low"
# }

# Recovery objectives: how much data (rpo) and time (rto) the selected data
# stores may lose. Backups, point-in-time recovery, replication and standbys
# are compared with them. Select by address pattern, by tags, or both;
# without either an objective covers every data store. A resource's own
# readiness:rpo and readiness:rto tags win.
# objective "databases" {
#   resources = ["aws_db_instance.*", "module.data[*].aws_dynamodb_table.*"]
#   tags      = { tier = "critical" }
#   rpo       = "1h"
#   rto       = "4h"
# }

# Checklist items no plan can show. Attest each once it is done:
# load_tests, code_quality, release_process, incident_drills,
# restore_drills, documentation.
# attest "load_tests" {
#   by   = "alice@example.com"
#   on   = "2026-01-31"
#   note = "k6 at twice the expected peak; report in the wiki"
# }

# Accept a known failure until a date. 'check' is a check ID or a category;
# 'address' a pattern: * matches within a name or key, [*] any instance, a
# step without a key every instance, ** any number of steps. A resource can
# carry its own waiver in a readiness:waive tag:
#   "check_id=aws_rds_multi_az;reason=...;owner=...;expires=2026-12-31"
# waiver {
#   check   = "aws_rds_multi_az"
#   address = "module.app[*].aws_db_instance.*"
#   reason  = "single-AZ until the Q3 migration"
#   owner   = "db-team"
#   expires = "2026-12-31"
# }
# To take waivers from this file alone (reviewed apart from the code), turn
# the tags off:
# tag_waivers = false

# The team's own checks: a condition over each resource of the given types
# (self.after is the planned values, self.tags the tags, self.refs and
# self.referrers the resources it refers to and that refer to it). A
# condition that cannot be evaluated (a misspelt attribute, a type error)
# fails the scan with exit 1; read an attribute only some provider versions
# have with try() or can().
# check "team_rds_instance_class" {
#   title          = "Databases use a Graviton instance class"
#   resource_types = ["aws_db_instance"]
#   section        = "deployment"
#   category       = "instance_choice"
#   severity       = "low"
#   condition      = can(regex("^db\\.[a-z]+g", self.after.instance_class))
#   message        = "${self.address} uses ${self.after.instance_class}"
#   remediation    = "Use a db.*g instance class."
# }
`
