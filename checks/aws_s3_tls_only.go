package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSS3TLSOnly requires a bucket policy that denies requests made without
// TLS.
var AWSS3TLSOnly = check.Check{
	Meta: check.Meta{
		ID:            "aws_s3_tls_only",
		Title:         "S3 bucket policy denies requests without TLS",
		Section:       "security",
		Category:      "encryption_in_transit",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_s3_bucket"},
		Description: "S3 still answers plain HTTP on its endpoints: a client, SDK setting or presigned URL that " +
			"uses http:// sends objects and request signatures in clear text. Only a bucket policy can refuse " +
			"such requests, with a Deny on every principal and every S3 action when aws:SecureTransport is false. " +
			"A bucket that serves a static website from its S3 website endpoint is not judged: that endpoint " +
			"speaks HTTP only, and such a policy would take the site down (put CloudFront with HTTPS in front " +
			"of it instead).",
		Remediation: "Add a statement to the bucket's aws_s3_bucket_policy: Effect Deny, Principal \"*\", Action " +
			"\"s3:*\", Resource the bucket and its objects, Condition Bool aws:SecureTransport = \"false\".",
		Example: `data "aws_iam_policy_document" "reports_tls" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.reports.arn, "${aws_s3_bucket.reports.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "reports" {
  bucket = aws_s3_bucket.reports.id
  policy = data.aws_iam_policy_document.reports_tls.json
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if _, website := s3WebsiteBucket(p, r); website {
			return check.Skip
		}
		docs := s3PolicyDocs(p, r)
		if len(docs) == 0 {
			return fail("the bucket has no policy, so it accepts requests without TLS",
				evText("policy", "no bucket policy in the plan (policy argument or aws_s3_bucket_policy)"))
		}
		full := func(s iamStatement) tri { return triAll(s3DeniesPlainHTTP(s), s3AllActions(s)) }
		yes, maybe, unread := iamScan(docs, full)
		switch {
		case yes != nil:
			return pass("the bucket policy denies every request made without TLS", yes.evidence(p))
		case maybe != nil:
			return unknown("a statement may deny requests without TLS: parts of it are known only after apply", maybe.evidence(p))
		case unread != nil:
			return unknown("the bucket policy cannot be read in full from the plan: "+unread.unread, iamUnreadEvidence(unread))
		}
		if partial, _, _ := iamScan(docs, s3DeniesPlainHTTP); partial != nil {
			return fail("the bucket policy denies requests without TLS for some actions only", partial.evidence(p))
		}
		return fail("no statement of the bucket policy denies requests without TLS (aws:SecureTransport false)",
			iamStatementCount(docs, "denies aws:SecureTransport false"))
	},
}
