package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSOpenSearchLogs requires OpenSearch (and Elasticsearch) domains to
// publish their error logs to CloudWatch.
var AWSOpenSearchLogs = check.Check{
	Meta: check.Meta{
		ID:            "aws_opensearch_logs",
		Title:         "OpenSearch domain publishes its error logs",
		Section:       "observability",
		Category:      "logging",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_opensearch_domain", "aws_elasticsearch_domain"},
		Description: "The nodes of a managed search domain are not reachable: its error (application) logs, " +
			"slow logs and audit logs exist for you only if the domain publishes them to CloudWatch Logs. " +
			"Without the error logs, failed shard allocations, mapping errors and rejected requests leave " +
			"no trace.",
		Remediation: "Add log_publishing_options { log_type = \"ES_APPLICATION_LOGS\", cloudwatch_log_group_arn " +
			"= ... } (and the slow and audit logs as needed), with a log group resource policy that lets the " +
			"service write.",
		Example: `resource "aws_opensearch_domain" "logs" {
  # ...
  log_publishing_options {
    log_type                 = "ES_APPLICATION_LOGS"
    cloudwatch_log_group_arn = aws_cloudwatch_log_group.opensearch.arn
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		opts := r.Attr("log_publishing_options")
		e := ev(p, r, "log_publishing_options")
		if opts.Unknown {
			return unknown("log_publishing_options is known only after apply", e)
		}
		undecided := false
		for i := range opts.List() {
			t, _ := r.Attr("log_publishing_options", i, "log_type").Str()
			if t != "ES_APPLICATION_LOGS" {
				continue
			}
			on := r.Attr("log_publishing_options", i, "enabled")
			if b, ok := on.Bool(); on.Null() || (ok && b) {
				return pass("the domain publishes its error logs to CloudWatch", e)
			}
			undecided = undecided || on.Unknown
		}
		if undecided {
			return unknown("whether the error logs are enabled is known only after apply", e)
		}
		return fail("the domain does not publish its error (ES_APPLICATION_LOGS) logs", e)
	},
}
