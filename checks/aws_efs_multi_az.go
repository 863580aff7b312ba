package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSEFSMultiAZ requires EFS file systems to use Regional (multi-AZ)
// storage rather than One Zone.
var AWSEFSMultiAZ = check.Check{
	Meta: check.Meta{
		ID:            "aws_efs_multi_az",
		Title:         "EFS file system stores data across Availability Zones",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_efs_file_system"},
		Description: "A One Zone file system (availability_zone_name set) keeps its data in a single Availability " +
			"Zone: an outage of that zone makes it unavailable, and a loss of the zone can lose the data. " +
			"Regional file systems, the default, store data redundantly across zones and serve mount targets in each.",
		Remediation: "Leave availability_zone_name unset (Regional storage) and add a mount target in each " +
			"Availability Zone that mounts the file system. A One Zone file system must be copied to a new one.",
		Example: `resource "aws_efs_file_system" "shared" {
  encrypted = true
  # no availability_zone_name: Regional storage
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		a := r.Attr("availability_zone_name")
		e := ev(p, r, "availability_zone_name")
		if s, ok := a.Str(); ok && s != "" {
			return fail("One Zone storage: the file system lives in a single Availability Zone", e)
		}
		if a.Unknown {
			if r.Configured("availability_zone_name") == model.NotSet {
				e.Value += " (not set in the configuration: Regional storage)"
				return pass("Regional storage spans Availability Zones", e)
			}
			return unknown("availability_zone_name is known only after apply", e)
		}
		if dataAbsent(a) {
			return unknown("the plan does not hold availability_zone_name", e)
		}
		return pass("Regional storage spans Availability Zones", e)
	},
}
