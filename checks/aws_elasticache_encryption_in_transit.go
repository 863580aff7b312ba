package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSElastiCacheEncryptionInTransit requires TLS between clients and
// ElastiCache nodes.
var AWSElastiCacheEncryptionInTransit = check.Check{
	Meta: check.Meta{
		ID:            "aws_elasticache_encryption_in_transit",
		Title:         "ElastiCache encrypts traffic in transit",
		Section:       "security",
		Category:      "encryption_in_transit",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_elasticache_replication_group", "aws_elasticache_cluster"},
		Description: "Without transit encryption, cached data, session tokens and AUTH passwords cross the network " +
			"in the clear, and Redis AUTH tokens cannot be used at all. With TLS, clients and replicas talk to " +
			"the nodes over encrypted connections. Clusters that join a replication group are judged through the group.",
		Remediation: "Set transit_encryption_enabled = true and connect clients over TLS; on an existing group, " +
			"move through transit_encryption_mode = \"preferred\" to \"required\".",
		Example: `resource "aws_elasticache_replication_group" "main" {
  transit_encryption_enabled = true
  transit_encryption_mode    = "required"
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if r.Type == "aws_elasticache_cluster" && dataCacheMember(r) {
			return check.Skip
		}
		f := flag(p, r, true, false,
			"clients and nodes talk over TLS",
			"traffic to the cache is not encrypted",
			"transit_encryption_enabled")
		// transit_encryption_mode is a replication group's (aws 5.x on); a
		// cluster has none.
		if f.Status == check.StatusPass && r.Type == "aws_elasticache_replication_group" && strAt(r, "transit_encryption_mode") == "preferred" {
			return fail("TLS is offered but not required (transit_encryption_mode = \"preferred\"): clients may still connect in the clear",
				append(f.Evidence, ev(p, r, "transit_encryption_mode"))...)
		}
		return f
	},
}
