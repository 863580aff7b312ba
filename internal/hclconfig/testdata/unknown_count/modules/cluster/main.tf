variable "name" {
  type = string
}

resource "aws_rds_cluster" "this" {
  cluster_identifier  = var.name
  engine              = "aurora-postgresql"
  storage_encrypted   = true
  deletion_protection = true
}

resource "aws_rds_cluster_instance" "this" {
  count              = 2
  identifier         = "${var.name}-${count.index}"
  cluster_identifier = aws_rds_cluster.this.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.this.engine
}
