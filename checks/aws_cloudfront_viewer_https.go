package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSCloudFrontViewerHTTPS requires CloudFront cache behaviors to make
// viewers use HTTPS.
var AWSCloudFrontViewerHTTPS = check.Check{
	Meta: check.Meta{
		ID:            "aws_cloudfront_viewer_https",
		Title:         "CloudFront distribution requires HTTPS from viewers",
		Section:       "security",
		Category:      "encryption_in_transit",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_cloudfront_distribution"},
		Description: "A cache behavior with viewer_protocol_policy allow-all serves its paths over plain HTTP " +
			"as well, so content, cookies and tokens can be read or altered on the way. redirect-to-https and " +
			"https-only keep every viewer connection encrypted.",
		Remediation: "Set viewer_protocol_policy = \"redirect-to-https\" (or \"https-only\") in " +
			"default_cache_behavior and in every ordered_cache_behavior.",
		Example: `resource "aws_cloudfront_distribution" "site" {
  # ...
  default_cache_behavior {
    target_origin_id       = "site"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = ["GET", "HEAD"]
    cached_methods         = ["GET", "HEAD"]
    cache_policy_id        = data.aws_cloudfront_cache_policy.optimized.id
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		var plain, undecided, policies []string
		judge := func(block string, i int) {
			a := r.Attr(block, i, "viewer_protocol_policy")
			where := fmt.Sprintf("%s[%d]", block, i)
			if block == "ordered_cache_behavior" { // the default behaviour has no path_pattern
				if path, ok := r.Attr(block, i, "path_pattern").Str(); ok {
					where += " " + path
				}
			}
			s, ok := a.Str()
			switch {
			case !ok:
				undecided = append(undecided, where)
			case s == "allow-all":
				plain = append(plain, where)
			}
			policies = append(policies, fmt.Sprintf("%s: %s", where, p.Show(r, a)))
		}
		for _, block := range []string{"default_cache_behavior", "ordered_cache_behavior"} {
			if r.Attr(block).Unknown {
				undecided = append(undecided, block)
				continue
			}
			for i := range r.Attr(block).List() {
				judge(block, i)
			}
		}
		e := evText("viewer_protocol_policy", "%s", strings.Join(policies, ", "))
		switch {
		case len(plain) > 0:
			return fail("cache behavior(s) serve plain HTTP (allow-all): "+strings.Join(plain, ", "), e)
		case len(undecided) > 0:
			return unknown("viewer protocol policies known only after apply: "+strings.Join(undecided, ", "), e)
		case len(policies) == 0:
			return unknown("the distribution has no cache behavior in the plan", e)
		}
		return pass("every cache behavior requires HTTPS from viewers", e)
	},
}
