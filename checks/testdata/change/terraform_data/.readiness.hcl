# Custom checks that judge plan.json's terraform_data resources, whose input
# stands for a database's settings. From this directory:
#   readiness scan --format json plan.json
# or from anywhere: readiness scan --config path/to/.readiness.hcl path/to/plan.json

check "team_db_multi_az" {
  title          = "Database has a standby in a second Availability Zone"
  resource_types = ["terraform_data"]
  section        = "deployment"
  category       = "multi_az"
  severity       = "high"
  condition      = self.after.input.multi_az == true
  message        = "${self.address} runs in a single Availability Zone"
}

check "team_db_backup_retention" {
  title          = "Database keeps a week of backups"
  resource_types = ["terraform_data"]
  section        = "disaster_recovery"
  category       = "backup"
  severity       = "high"
  condition      = self.after.input.retention >= 7
  message        = "${self.address} keeps backups for ${self.after.input.retention} day(s)"
}
