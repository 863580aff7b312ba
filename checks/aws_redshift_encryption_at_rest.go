package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSRedshiftEncryptionAtRest requires Redshift clusters to be encrypted
// at rest.
var AWSRedshiftEncryptionAtRest = check.Check{
	Meta: check.Meta{
		ID:            "aws_redshift_encryption_at_rest",
		Title:         "Redshift cluster is encrypted at rest",
		Section:       "security",
		Category:      "encryption_at_rest",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_redshift_cluster"},
		Description: "A warehouse holds the organisation's data in one place, with its snapshots. An existing " +
			"cluster with encrypted = false stores it all unencrypted. Since January 2025 Redshift encrypts new " +
			"clusters unless told otherwise, and AWS provider v5 never sends encrypted = false: a new cluster " +
			"that shows false (the provider's default) is encrypted in practice, which the plan cannot show, so " +
			"its result is unknown.",
		Remediation: "Set encrypted = true (and kms_key_id for a customer managed key). An existing cluster can " +
			"be encrypted in place; Redshift migrates the data to a new encrypted cluster, which takes time.",
		Example: `resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier = "warehouse"
  node_type          = "ra3.xlplus"
  encrypted          = true
  kms_key_id         = aws_kms_key.redshift.arn
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		a := r.Attr("encrypted")
		e := ev(p, r, "encrypted")
		on, ok := a.Bool()
		switch {
		case a.Unknown:
			return unknown("encrypted is known only after apply", e)
		case !a.Present:
			return unknown("the plan does not hold encrypted", e)
		case ok && on:
			return pass("the cluster is encrypted at rest", e, ev(p, r, "kms_key_id"))
		case dataCreated(r):
			e.Value += " (not sent to the API: Redshift encrypts new clusters by default since 2025-01)"
			return unknown("the plan creates the cluster without asking for encryption: Redshift's default decides, which the plan cannot show", e)
		}
		if a.Value == nil {
			e.Value += " (unset: defaults to false)"
		}
		return fail("the cluster is not encrypted at rest", e)
	},
}
