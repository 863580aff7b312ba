package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSLBMultiAZ requires a load balancer to have nodes in two or more
// Availability Zones.
var AWSLBMultiAZ = check.Check{
	Meta: check.Meta{
		ID:            "aws_lb_multi_az",
		Title:         "Load balancer spans two or more Availability Zones",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_lb", "aws_alb", "aws_elb"},
		Description: "A load balancer has nodes only in the Availability Zones of its subnets, one subnet per zone. " +
			"A load balancer in a single zone (possible for Network and Classic Load Balancers) stops serving " +
			"when that zone fails, however many healthy targets remain elsewhere.",
		Remediation: "Attach a subnet in each of at least two Availability Zones (subnets or subnet_mapping; " +
			"availability_zones for a Classic Load Balancer outside a VPC).",
		Example: `resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"
  subnets            = [aws_subnet.public_a.id, aws_subnet.public_b.id]
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		attr := "subnets"
		if r.Type != "aws_elb" && r.Configured("subnets") == model.NotSet && r.ConfiguredBlock("subnet_mapping") != model.NotSet {
			attr = "subnet_mapping"
		}
		subnets := r.Attr("subnets")
		noSubnets := !subnets.Unknown && len(subnets.List()) == 0 && len(r.Attr("availability_zones").List()) > 0
		if r.Type == "aws_elb" && (noSubnets || r.Configured("subnets") == model.NotSet && r.Configured("availability_zones") == model.Set) {
			zones := r.Attr("availability_zones")
			e := ev(p, r, "availability_zones")
			switch n := len(zones.Strings()); {
			case zones.Unknown:
				return unknown("availability_zones is known only after apply", e)
			case n >= 2:
				return pass(fmt.Sprintf("the load balancer has nodes in %d Availability Zones", n), e)
			default:
				return fail("the load balancer has nodes in a single Availability Zone", e)
			}
		}
		return subnetSpread(p, r, attr).onePerZoneFinding("the load balancer's subnets")
	},
}
