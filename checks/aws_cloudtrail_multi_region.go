package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSCloudTrailMultiRegion requires an AWS account's API activity to be
// recorded in every region.
var AWSCloudTrailMultiRegion = check.Check{
	Meta: check.Meta{
		ID:            "aws_cloudtrail_multi_region",
		Title:         "A multi-region CloudTrail trail records API activity",
		Section:       "observability",
		Category:      "logging",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_cloudtrail"},
		Description: "CloudTrail is the record of who changed what in the account: the first place to look " +
			"when a resource vanished, a setting changed or a key leaked. A trail limited to one region misses " +
			"activity in the others, including global services and an attacker's favourite unused region. " +
			"The check applies to plans with AWS workloads or trails. A plan without any trail is unknown: an " +
			"organization trail managed elsewhere may cover the account.",
		Remediation: "Create an aws_cloudtrail with is_multi_region_trail = true and " +
			"include_global_service_events = true (or confirm that an organization trail covers the account).",
		Example: `resource "aws_cloudtrail" "account" {
  name                          = "account-trail"
  s3_bucket_name                = aws_s3_bucket.trail.id
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
}`,
	},
	Plan: func(p *model.Plan) []check.Finding {
		trails := p.OfType("aws_cloudtrail")
		if len(trails) == 0 {
			if !hasAWSWorkload(p) {
				return nil
			}
			f := unknown("the plan holds no CloudTrail trail: an organization trail may record this account, "+
				"or nothing does", evText("aws_cloudtrail", "no trail in plan"))
			return []check.Finding{f}
		}
		var out []check.Finding
		for _, t := range trails {
			if on, ok := t.Attr("enable_logging").Bool(); ok && !on {
				f := fail("the trail's logging is turned off", ev(p, t, "enable_logging"))
				f.Address = t.Address
				out = append(out, f)
				continue
			}
			f := flag(p, t, true, false,
				"the trail records API activity in every region",
				"the trail records one region only: activity elsewhere goes unrecorded",
				"is_multi_region_trail")
			f.Address = t.Address
			if f.Status == check.StatusPass {
				return []check.Finding{f}
			}
			out = append(out, f)
		}
		return out
	},
}

// hasAWSWorkload reports whether the plan holds an AWS compute or data
// resource that will exist after apply.
func hasAWSWorkload(p *model.Plan) bool {
	for _, t := range workloadTypes {
		if strings.HasPrefix(t, "aws_") && p.Has(t) {
			return true
		}
	}
	return false
}
