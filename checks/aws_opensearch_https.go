package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSOpenSearchHTTPS requires OpenSearch (and Elasticsearch) domains to
// refuse plain HTTP and to accept TLS 1.2 or later only.
var AWSOpenSearchHTTPS = check.Check{
	Meta: check.Meta{
		ID:            "aws_opensearch_https",
		Title:         "OpenSearch domain enforces HTTPS with TLS 1.2 or later",
		Section:       "security",
		Category:      "encryption_in_transit",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_opensearch_domain", "aws_elasticsearch_domain"},
		Description: "A search domain that does not enforce HTTPS answers plain HTTP on its endpoint: queries, " +
			"indexed documents and the credentials of basic authentication cross the network in clear text. " +
			"The TLS security policy Policy-Min-TLS-1-0-2019-07 still accepts TLS 1.0 and 1.1, which are " +
			"deprecated and weak.",
		Remediation: "Set domain_endpoint_options { enforce_https = true, tls_security_policy = " +
			"\"Policy-Min-TLS-1-2-2019-07\" } (or Policy-Min-TLS-1-2-PFS-2023-10).",
		Example: `resource "aws_opensearch_domain" "logs" {
  # ...
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		https := encBlock(p, r, "domain_endpoint_options", "enforce_https",
			"the domain enforces HTTPS", "the domain accepts plain HTTP requests")
		// enforce_https defaults to true inside the block: flag's null
		// default is false, so a null there is judged here.
		if a := r.Attr("domain_endpoint_options", 0, "enforce_https"); a.Null() && a.Present {
			e := ev(p, r, "domain_endpoint_options", 0, "enforce_https")
			e.Value += " (unset: defaults to true)"
			https = pass("the domain enforces HTTPS", e)
		}
		if https.Status != check.StatusPass {
			return https
		}
		tls := r.Attr("domain_endpoint_options", 0, "tls_security_policy")
		e := ev(p, r, "domain_endpoint_options", 0, "tls_security_policy")
		policy, ok := tls.Str()
		switch {
		case tls.Unknown:
			return unknown("HTTPS is enforced; the minimum TLS version (tls_security_policy) is known only after apply", https.Evidence[0], e)
		case !ok || policy == "":
			return unknown("HTTPS is enforced; the plan does not show the minimum TLS version (tls_security_policy)", https.Evidence[0], e)
		case strings.HasPrefix(policy, "Policy-Min-TLS-1-0"):
			return fail("HTTPS is enforced but the domain still accepts TLS 1.0 and 1.1", https.Evidence[0], e)
		}
		return pass("the domain enforces HTTPS with "+policy, https.Evidence[0], e)
	},
}
