package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSRDSLogExports requires databases to export their logs to CloudWatch.
var AWSRDSLogExports = check.Check{
	Meta: check.Meta{
		ID:            "aws_rds_log_exports",
		Title:         "Database exports its logs to CloudWatch Logs",
		Section:       "observability",
		Category:      "logging",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_db_instance", "aws_rds_cluster", "aws_neptune_cluster", "aws_docdb_cluster"},
		Description: "Database error, slow-query and audit logs stay on the instance and rotate away within days " +
			"unless they are exported; without them an incident review cannot say which queries failed or who " +
			"connected. Exported logs can be searched, kept and alarmed on in CloudWatch Logs.",
		Remediation: "List the engine's log types in enabled_cloudwatch_logs_exports (enable_cloudwatch_logs_exports " +
			"on Neptune): e.g. postgresql and upgrade for PostgreSQL, error and slowquery for MySQL and Aurora MySQL, " +
			"audit and profiler for DocumentDB, audit for Neptune.",
		Example: `resource "aws_db_instance" "main" {
  engine                          = "postgres"
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		attr := "enabled_cloudwatch_logs_exports"
		if r.Type == "aws_neptune_cluster" {
			attr = "enable_cloudwatch_logs_exports"
		}
		return dataNonEmpty(p, r, attr,
			"database logs are exported to CloudWatch Logs",
			"no database logs are exported: they rotate away on the instance")
	},
}
