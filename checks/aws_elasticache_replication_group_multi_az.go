package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSElastiCacheReplicationGroupMultiAZ requires Redis and Valkey
// replication groups to fail over automatically to a replica in another AZ.
var AWSElastiCacheReplicationGroupMultiAZ = check.Check{
	Meta: check.Meta{
		ID:            "aws_elasticache_replication_group_multi_az",
		Title:         "ElastiCache replication group fails over across Availability Zones",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_elasticache_replication_group"},
		Description: "Without automatic failover, losing the primary node leaves a Redis or Valkey replication group " +
			"read-only or down until someone promotes a replica by hand. Automatic failover promotes a replica " +
			"by itself, and Multi-AZ makes sure that replica sits in another Availability Zone, so an AZ outage " +
			"does not take primary and replicas at once. Both need at least one replica; both default to false.",
		Remediation: "Set automatic_failover_enabled = true and multi_az_enabled = true, with num_cache_clusters >= 2 " +
			"(or replicas_per_node_group >= 1 in cluster mode).",
		Example: `resource "aws_elasticache_replication_group" "main" {
  automatic_failover_enabled = true
  multi_az_enabled           = true
  num_cache_clusters         = 2
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		failover := flag(p, r, true, false, "", "automatic failover is off: losing the primary needs a manual promotion",
			"automatic_failover_enabled")
		if failover.Status != check.StatusPass {
			return failover
		}
		multiAZ := flag(p, r, true, false, "", "automatic failover is on, but Multi-AZ is off: replicas may share the primary's Availability Zone",
			"multi_az_enabled")
		if multiAZ.Status != check.StatusPass {
			return multiAZ
		}
		return pass("a replica in another Availability Zone takes over automatically",
			failover.Evidence[0], multiAZ.Evidence[0], ev(p, r, "num_cache_clusters"), ev(p, r, "replicas_per_node_group"))
	},
}
