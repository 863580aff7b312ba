package checks

import "github.com/prodready/terraform-provider-readiness/internal/aws/backup"

// Helpers of the AWS resilience checks: global clusters and their members,
// and the metrics an alarm reads. Which AWS Backup selections and Data
// Lifecycle Manager policies cover a data store is internal/aws/backup's.

// backupStatefulTypes are the types aws_backup_plan_coverage judges: the
// data stores AWS Backup protects but EBS volumes, which
// aws_ebs_volume_backup judges since Data Lifecycle Manager protects them
// too.
var backupStatefulTypes = []string{
	"aws_db_instance", "aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster", "aws_dynamodb_table",
	"aws_efs_file_system", "aws_fsx_lustre_file_system", "aws_fsx_windows_file_system",
	"aws_fsx_ontap_file_system", "aws_fsx_openzfs_file_system", "aws_s3_bucket", "aws_redshift_cluster",
}

// globalClusterTypes maps each global database type to its member clusters.
var globalClusterTypes = map[string]string{
	"aws_rds_global_cluster":     "aws_rds_cluster",
	"aws_docdb_global_cluster":   "aws_docdb_cluster",
	"aws_neptune_global_cluster": "aws_neptune_cluster",
}

// resARNRegion returns the region field of an ARN.
func resARNRegion(arn string) (string, bool) { return backup.ARNRegion(arn) }

// metricWant names the metrics an alarm should read: CloudWatch metric
// names, and the Datadog metric names that stand for them in a monitor's
// query.
type metricWant struct{ cloudwatch, datadog []string }
