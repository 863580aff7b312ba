package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSCloudFrontAccessLogs requires CloudFront distributions to write access
// logs.
var AWSCloudFrontAccessLogs = check.Check{
	Meta: check.Meta{
		ID:            "aws_cloudfront_access_logs",
		Title:         "CloudFront distribution writes access logs",
		Section:       "observability",
		Category:      "logging",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_cloudfront_distribution"},
		Description: "CloudFront answers most requests from its edge caches, so origin logs miss them. Its " +
			"standard logs (to S3, or through CloudWatch log delivery) are the only record of what viewers " +
			"requested and received, needed to debug errors and investigate abuse.",
		Remediation: "Add logging_config { bucket = \"<bucket>.s3.amazonaws.com\" }, or an " +
			"aws_cloudwatch_log_delivery_source with this distribution's ARN and a delivery for it.",
		Example: `resource "aws_cloudfront_distribution" "site" {
  # ...
  logging_config {
    bucket          = aws_s3_bucket.cdn_logs.bucket_domain_name
    prefix          = "site/"
    include_cookies = false
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		lc := r.Attr("logging_config")
		e := ev(p, r, "logging_config")
		if len(lc.List()) > 0 {
			return pass("the distribution writes standard logs to S3", ev(p, r, "logging_config", 0, "bucket"))
		}
		if src := linkedFrom(p, r, "arn", model.Path{"resource_arn"}, "aws_cloudwatch_log_delivery_source"); len(src) > 0 {
			return pass("the distribution's logs are delivered by "+addresses(src), e)
		}
		if lc.Unknown {
			return unknown("logging_config is known only after apply", e)
		}
		return fail("the distribution writes no access logs", e)
	},
}
