package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSOpenSearchEncryptionAtRest requires OpenSearch (and Elasticsearch)
// domains to encrypt their indices, logs and snapshots at rest.
var AWSOpenSearchEncryptionAtRest = check.Check{
	Meta: check.Meta{
		ID:            "aws_opensearch_encryption_at_rest",
		Title:         "OpenSearch domain is encrypted at rest",
		Section:       "security",
		Category:      "encryption_at_rest",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_opensearch_domain", "aws_elasticsearch_domain"},
		Description: "Encryption at rest covers a domain's indices, swap files, application logs and automated " +
			"snapshots with a KMS key. Left out of the configuration, the service decides; the API does not " +
			"encrypt unless asked, and Elasticsearch before 5.1 cannot at all.",
		Remediation: "Set encrypt_at_rest { enabled = true } (with kms_key_id for a customer managed key). On " +
			"an existing domain the change needs OpenSearch or Elasticsearch 6.7 or later.",
		Example: `resource "aws_opensearch_domain" "logs" {
  # ...
  encrypt_at_rest {
    enabled    = true
    kms_key_id = aws_kms_key.search.arn
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return encBlock(p, r, "encrypt_at_rest", "enabled",
			"the domain is encrypted at rest",
			"the domain's indices and snapshots are not encrypted at rest")
	},
}
