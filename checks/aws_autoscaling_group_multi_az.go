package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSAutoscalingGroupMultiAZ requires an Auto Scaling group to launch
// instances in two or more Availability Zones.
var AWSAutoscalingGroupMultiAZ = check.Check{
	Meta: check.Meta{
		ID:            "aws_autoscaling_group_multi_az",
		Title:         "Auto Scaling group spans two or more Availability Zones",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_autoscaling_group"},
		Description: "An Auto Scaling group launches instances only in the Availability Zones of its subnets. " +
			"With subnets in a single zone, an outage of that zone stops every instance and the group cannot " +
			"replace them anywhere else; with two or more, it rebalances into the zones that are still healthy.",
		Remediation: "Give vpc_zone_identifier subnets in at least two Availability Zones (for example the " +
			"private subnets of every zone of the VPC module).",
		Example: `resource "aws_autoscaling_group" "app" {
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = [aws_subnet.private_a.id, aws_subnet.private_b.id]
  launch_template {
    id      = aws_launch_template.app.id
    version = "$Latest"
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		vz := r.Attr("vpc_zone_identifier")
		marks, _ := model.Lookup(r.AfterUnknown, model.Path{"vpc_zone_identifier"})
		// The provider computes vpc_zone_identifier when the configuration
		// leaves it out: unknown then, it holds no subnet of the group's.
		noSubnets, assumed := unsetComputed(r, "vpc_zone_identifier")
		if !noSubnets && (vz.Unknown || unknownInside(marks) || len(vz.List()) > 0) {
			return subnetSpread(p, r, "vpc_zone_identifier").finding("the group's subnets")
		}
		// No subnets: the group launches in its availability_zones (default VPC).
		az := r.Attr("availability_zones")
		e := ev(p, r, "availability_zones")
		if az.Unknown {
			return unknown("availability_zones is known only after apply", e)
		}
		if assumed {
			e = assumeUnset(e, "vpc_zone_identifier")
		}
		zones := map[string]bool{}
		for _, z := range az.Strings() {
			zones[z] = true
		}
		switch len(zones) {
		case 0:
			return unknown("the group names neither subnets nor Availability Zones", e)
		case 1:
			return fail("the group launches instances in one Availability Zone: an outage of that zone takes them all down", e)
		}
		return pass(fmt.Sprintf("the group launches instances in %d Availability Zones", len(zones)), e)
	},
}
