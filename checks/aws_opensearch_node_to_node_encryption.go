package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSOpenSearchNodeToNodeEncryption requires TLS between the nodes of an
// OpenSearch (or Elasticsearch) domain.
var AWSOpenSearchNodeToNodeEncryption = check.Check{
	Meta: check.Meta{
		ID:            "aws_opensearch_node_to_node_encryption",
		Title:         "OpenSearch domain encrypts traffic between its nodes",
		Section:       "security",
		Category:      "encryption_in_transit",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_opensearch_domain", "aws_elasticsearch_domain"},
		Description: "Without node-to-node encryption, the nodes of a domain replicate shards and route " +
			"requests to each other in clear text inside the VPC. Fine-grained access control requires it, " +
			"and most compliance regimes ask for encryption of every hop.",
		Remediation: "Set node_to_node_encryption { enabled = true } (OpenSearch, or Elasticsearch 6.0 and " +
			"later); on an existing domain of older versions, upgrade first.",
		Example: `resource "aws_opensearch_domain" "logs" {
  # ...
  node_to_node_encryption {
    enabled = true
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return encBlock(p, r, "node_to_node_encryption", "enabled",
			"traffic between the domain's nodes is encrypted",
			"the domain's nodes talk to each other in clear text")
	},
}
