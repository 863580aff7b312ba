# The configuration plan.json models (written by hand in the shape of
# `terraform show -json` 1.8.5 output, AWS provider 5.x): data stores tagged
# tier = "critical" with and without point-in-time recovery, replicas and
# AWS Backup plans, for the recovery objective checks.

resource "aws_db_instance" "nopitr" {
  identifier              = "nopitr"
  backup_retention_period = 0
  multi_az                = false
  tags                    = { tier = "critical" }
}

resource "aws_db_instance" "pitr" {
  identifier              = "pitr"
  backup_retention_period = 7
  multi_az                = true
  tags                    = { tier = "critical" }
}

resource "aws_db_instance" "later" {
  identifier              = "later"
  backup_retention_period = var.retention # known after apply
  multi_az                = false
  tags                    = { tier = "critical" }
}

resource "aws_db_instance" "replicated" {
  identifier              = "replicated"
  backup_retention_period = 0
  multi_az                = false
  tags                    = { tier = "critical" }
}

resource "aws_db_instance" "replica" {
  identifier          = "replica"
  replicate_source_db = aws_db_instance.replicated.identifier
}

resource "aws_dynamodb_table" "nopitr" {
  name = "nopitr"
  point_in_time_recovery {
    enabled = false
  }
  tags = { tier = "critical" }
}

resource "aws_dynamodb_table" "pitr" {
  name = "pitr"
  point_in_time_recovery {
    enabled = true
  }
  tags = { tier = "critical" }
}

resource "aws_efs_file_system" "daily" {
  creation_token = "daily"
  tags           = { tier = "critical", backup = "daily" }
}

resource "aws_efs_file_system" "hourly" {
  creation_token = "hourly"
  tags           = { tier = "critical" }
}

resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name = "daily"
    schedule  = "cron(0 5 ? * * *)"
  }
}

resource "aws_backup_plan" "hourly" {
  name = "hourly"
  rule {
    rule_name = "hourly"
    schedule  = "cron(0 * ? * * *)"
  }
}

resource "aws_backup_selection" "by_tag" {
  name    = "by-tag"
  plan_id = aws_backup_plan.daily.id
  selection_tag {
    type  = "STRINGEQUALS"
    key   = "backup"
    value = "daily"
  }
}

resource "aws_backup_selection" "hourly" {
  name      = "hourly"
  plan_id   = aws_backup_plan.hourly.id
  resources = [aws_efs_file_system.hourly.arn]
}

resource "aws_rds_cluster" "aurora" {
  cluster_identifier      = "aurora"
  backup_retention_period = 7
}

resource "aws_rds_cluster_instance" "one" {
  identifier         = "one"
  cluster_identifier = aws_rds_cluster.aurora.id
}

# A table whose only recovery point is an AWS Backup plan whose schedule is
# known only after apply.
resource "aws_dynamodb_table" "scheduled" {
  name = "scheduled"
  point_in_time_recovery {
    enabled = false
  }
  tags = { tier = "critical" }
}

resource "aws_backup_plan" "later" {
  name = "later"
  rule {
    rule_name = "later"
    schedule  = var.schedule # known after apply
  }
}

resource "aws_backup_selection" "later" {
  name      = "later"
  plan_id   = aws_backup_plan.later.id
  resources = [aws_dynamodb_table.scheduled.arn]
}
