package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSElastiCacheSnapshots requires automatic snapshots of Redis and Valkey
// caches.
var AWSElastiCacheSnapshots = check.Check{
	Meta: check.Meta{
		ID:            "aws_elasticache_snapshots",
		Title:         "ElastiCache keeps automatic snapshots",
		Section:       "disaster_recovery",
		Category:      "backup",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_elasticache_replication_group", "aws_elasticache_cluster"},
		Description: "Redis and Valkey are often more than a cache (sessions, queues, rate limits, leaderboards). " +
			"With snapshot_retention_limit = 0, the default, nothing is snapshotted and a lost or flushed cluster " +
			"starts empty. Memcached cannot snapshot and is not judged; nor are clusters that join a replication group.",
		Remediation: "Set snapshot_retention_limit to the days of daily snapshots to keep, and a snapshot_window.",
		Example: `resource "aws_elasticache_replication_group" "main" {
  snapshot_retention_limit = 7
  snapshot_window          = "03:00-05:00"
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if r.Type == "aws_elasticache_cluster" && (dataCacheMember(r) || strAt(r, "engine") == "memcached") {
			return check.Skip
		}
		return dataMinNumber(p, r, "snapshot_retention_limit", 1, 0,
			"daily snapshots are kept",
			"no automatic snapshots: a lost cluster starts empty")
	},
}
