package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSMultiAZRemoved fails when a plan removes the standby of an RDS
// instance or the automatic cross-AZ failover of an ElastiCache
// replication group.
var AWSMultiAZRemoved = check.Check{
	Meta: check.Meta{
		ID:            "aws_multi_az_removed",
		Title:         "The plan does not remove a Multi-AZ standby",
		Section:       "deployment",
		Category:      "multi_az",
		Transition:    true,
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_db_instance", "aws_elasticache_replication_group"},
		Description: "A transition check: it compares the value before the plan with the planned one. Setting " +
			"multi_az to false on an RDS instance deletes its synchronous standby, often to save its cost: from " +
			"then on an Availability Zone outage or a maintenance reboot takes the database down. On an " +
			"ElastiCache replication group, turning automatic_failover_enabled or multi_az_enabled off leaves a " +
			"failed primary to a manual promotion, or its replicas in its own zone. Resources the plan creates or " +
			"deletes have no transition and are not judged; Aurora, Neptune and DocumentDB clusters fail over to " +
			"their instances, which aws_rds_cluster_multi_az counts.",
		Remediation: "Keep multi_az = true (and on ElastiCache automatic_failover_enabled and multi_az_enabled). " +
			"If the resource no longer needs to survive a zone outage, say so in a change of its own and record " +
			"the waiver.",
		Example: `resource "aws_db_instance" "main" {
  multi_az = true # as before this change
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return transition(p, r, func(old *model.Resource) check.Finding {
			if r.Type == "aws_elasticache_replication_group" {
				return verdictOf(
					flagWeakened(p, old, r, protection{
						name:    "automatic failover",
						exposed: "losing the primary needs a manual promotion",
					}, "automatic_failover_enabled"),
					flagWeakened(p, old, r, protection{
						name:    "Multi-AZ",
						exposed: "replicas may share the primary's Availability Zone",
					}, "multi_az_enabled"))
			}
			return verdictOf(flagWeakened(p, old, r, protection{
				name:    "Multi-AZ",
				exposed: "the standby in a second Availability Zone is deleted, and a zone outage takes the database down",
			}, "multi_az"))
		})
	},
}
