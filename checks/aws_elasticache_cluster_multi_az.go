package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSElastiCacheClusterMultiAZ requires standalone ElastiCache clusters to
// spread their nodes across Availability Zones.
var AWSElastiCacheClusterMultiAZ = check.Check{
	Meta: check.Meta{
		ID:            "aws_elasticache_cluster_multi_az",
		Title:         "ElastiCache cluster spreads its nodes across Availability Zones",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_elasticache_cluster"},
		Description: "A standalone Redis cache cluster is one node: when it or its Availability Zone fails, the " +
			"cache is gone. A Memcached cluster keeps working on its other nodes only if they are in other zones " +
			"(az_mode = \"cross-az\"; the API default is single-az). Clusters that join a replication group are " +
			"judged through the group.",
		Remediation: "For Redis or Valkey, use an aws_elasticache_replication_group with automatic failover and " +
			"Multi-AZ. For Memcached, run two or more nodes with az_mode = \"cross-az\".",
		Example: `resource "aws_elasticache_cluster" "sessions" {
  engine          = "memcached"
  num_cache_nodes = 3
  az_mode         = "cross-az"
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if dataCacheMember(r) {
			return check.Skip
		}
		engine := r.Attr("engine")
		if engine.Unknown {
			return unknown("engine is known only after apply", ev(p, r, "engine"))
		}
		if s, _ := engine.Str(); s != "memcached" {
			return fail("a standalone Redis cluster is a single node: no replica to fail over to", ev(p, r, "engine"), ev(p, r, "num_cache_nodes"))
		}
		nodes := dataMinNumber(p, r, "num_cache_nodes", 2, 1, "", "a single Memcached node: the cache is gone when it fails")
		if nodes.Status != check.StatusPass {
			return nodes
		}
		mode := r.Attr("az_mode")
		e := ev(p, r, "az_mode")
		switch s, _ := mode.Str(); {
		case mode.Unknown && r.Configured("az_mode") == model.NotSet:
			return unknown("az_mode is not set: the API's default puts every node in one zone, but the plan shows the value only after apply", e)
		case mode.Unknown:
			return unknown("az_mode is known only after apply", e)
		case s == "cross-az":
			return pass("Memcached nodes are spread across Availability Zones", e, nodes.Evidence[0])
		case s == "":
			e.Value += " (unset: defaults to single-az)"
		}
		return fail("every Memcached node is in one Availability Zone", e, nodes.Evidence[0])
	},
}
