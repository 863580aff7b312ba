# The configuration that plan.json models (AWS provider v6.47, Terraform 1.8.5).
# Kept beside the plan as its source; the AWS provider cannot be fetched here,
# so the plan is written to match what `terraform show -json` prints for it,
# with the provider's schema from ../shared/fixtures/schemas/aws.json.
# What alarm coverage judges: workloads that serve traffic or hold data, not a
# jump host or the state-lock table; which tags name an owner.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 6.0" }
  }
}

provider "aws" { region = "eu-west-1" }

resource "aws_security_group" "ssh_only" {
  name   = "ssh-only"
  vpc_id = "vpc-0e7f1c2d3b4a59687"
  ingress {
    description = "office"
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["203.0.113.0/24"]
  }
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
  tags = { Name = "ssh-only" }
}

resource "aws_security_group" "api" {
  name   = "api"
  vpc_id = "vpc-0e7f1c2d3b4a59687"
  ingress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    protocol    = "tcp"
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["10.0.0.0/8"]
  }
  egress {
    protocol    = "-1"
    from_port   = 0
    to_port     = 0
    cidr_blocks = ["0.0.0.0/0"]
  }
  tags = { Name = "api" }
}

# SSH only, and nothing sends it traffic: a jump host by its rules.
resource "aws_instance" "admin" {
  ami                    = "ami-0c1a7f89451184c8b"
  instance_type          = "m7g.large"
  subnet_id              = "subnet-0a1b2c3d4e5f60718"
  vpc_security_group_ids = [aws_security_group.ssh_only.id]
  tags                   = { Name = "admin", Project = "ops" } # a project names no owner
}

# A bastion by its name.
resource "aws_instance" "ops" {
  ami                    = "ami-0c1a7f89451184c8b"
  instance_type          = "m7g.large"
  subnet_id              = "subnet-0a1b2c3d4e5f60718"
  vpc_security_group_ids = [aws_security_group.api.id]
  tags                   = { Name = "prod-bastion-1", Owner = "sre@example.com" }
}

# Serves HTTPS; watched by aws_cloudwatch_metric_alarm.api_cpu.
resource "aws_instance" "api" {
  ami                    = "ami-0c1a7f89451184c8b"
  instance_type          = "m7g.large"
  subnet_id              = "subnet-0a1b2c3d4e5f60718"
  vpc_security_group_ids = [aws_security_group.api.id]
  tags                   = { Name = "api", app_contacts = "api-team@example.com" }
}

# SSH only, but it holds a data volume: a workload, not a jump host.
resource "aws_instance" "reports" {
  ami                    = "ami-0c1a7f89451184c8b"
  instance_type          = "m7g.large"
  subnet_id              = "subnet-0a1b2c3d4e5f60718"
  vpc_security_group_ids = [aws_security_group.ssh_only.id]
  tags                   = { Name = "reports", CostCenter = "CC-1042" }
}

resource "aws_ebs_volume" "reports" {
  availability_zone = "eu-west-1a"
  size              = 200
  type              = "gp3"
  encrypted         = true
  tags              = { Name = "reports-data", CostCenter = "CC-1042" }
}

resource "aws_volume_attachment" "reports" {
  device_name = "/dev/sdf"
  instance_id = aws_instance.reports.id
  volume_id   = aws_ebs_volume.reports.id
}

# The S3 backend's lock table.
resource "aws_dynamodb_table" "terraform_locks" {
  name         = "terraform-locks"
  hash_key     = "LockID"
  billing_mode = "PAY_PER_REQUEST"
  attribute {
    name = "LockID"
    type = "S"
  }
  tags = { business_unit = "platform" }
}

# Tagged critical by its tier; created_by names a tool, not an owner.
resource "aws_dynamodb_table" "orders" {
  name         = "orders"
  hash_key     = "order_id"
  billing_mode = "PAY_PER_REQUEST"
  attribute {
    name = "order_id"
    type = "S"
  }
  tags = { tier = "critical", created_by = "terraform" }
}

resource "aws_cloudwatch_metric_alarm" "api_cpu" {
  alarm_name          = "api-cpu"
  alarm_description   = "API CPU above 80%. Runbook: https://runbooks.example.com/api#cpu"
  namespace           = "AWS/EC2"
  metric_name         = "CPUUtilization"
  dimensions          = { InstanceId = aws_instance.api.id }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = 80
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = ["arn:aws:sns:eu-west-1:123456789012:oncall"]
  tags                = { team = "sre" }
}

# Pages the on-call team without a runbook.
resource "aws_cloudwatch_metric_alarm" "legacy_queue_depth" {
  alarm_name          = "legacy-queue-depth"
  alarm_description   = "The legacy job queue is backing up"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = "legacy-jobs" }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 3
  threshold           = 1000
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = ["arn:aws:sns:eu-west-1:123456789012:oncall"]
  tags                = { team = "sre" }
}

# Notifies no one (aws_alarm_actions says so): no runbook to ask for.
resource "aws_cloudwatch_metric_alarm" "orders_draft" {
  alarm_name          = "orders-draft"
  alarm_description   = "Throttling on the orders-v2 table (not created yet)"
  namespace           = "AWS/DynamoDB"
  metric_name         = "ThrottledRequests"
  dimensions          = { TableName = "orders-v2" }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 3
  threshold           = 1
  comparison_operator = "GreaterThanThreshold"
  tags                = { team = "sre" }
}

# Pages the on-call team; its description is known only after apply.
resource "aws_cloudwatch_metric_alarm" "reports_volume_burst" {
  alarm_name          = "reports-volume-burst"
  alarm_description   = "Burst balance of ${aws_ebs_volume.reports.id} below 20%"
  namespace           = "AWS/EBS"
  metric_name         = "BurstBalance"
  dimensions          = { VolumeId = aws_ebs_volume.reports.id }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  threshold           = 20
  comparison_operator = "LessThanThreshold"
  alarm_actions       = ["arn:aws:sns:eu-west-1:123456789012:oncall"]
  tags                = { team = "sre" }
}

# Jump hosts by their group's name.
resource "aws_autoscaling_group" "jump" {
  name                = "jump-hosts"
  min_size            = 1
  max_size            = 1
  vpc_zone_identifier = ["subnet-0a1b2c3d4e5f60718", "subnet-0b2c3d4e5f6071829"]
  launch_template {
    id      = "lt-0a1b2c3d4e5f60718"
    version = "$Latest"
  }
  tag {
    key                 = "team"
    value               = "sre"
    propagate_at_launch = true
  }
}
