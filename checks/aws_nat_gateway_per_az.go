package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSNATGatewayPerAZ requires each NAT gateway to serve only subnets of its
// own Availability Zone, so that every zone has its own.
var AWSNATGatewayPerAZ = check.Check{
	Meta: check.Meta{
		ID:            "aws_nat_gateway_per_az",
		Title:         "NAT gateway serves only subnets in its own Availability Zone",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_nat_gateway"},
		Description: "A zonal NAT gateway lives in one Availability Zone. When private subnets of other zones " +
			"route through it, an outage of its zone cuts outbound traffic (package downloads, AWS APIs, " +
			"third-party calls) for the whole VPC, and cross-zone traffic costs extra. One NAT gateway per " +
			"zone, each serving the route tables of its own zone, keeps zones independent.",
		Remediation: "Create a NAT gateway in a public subnet of every zone and give each zone's private " +
			"subnets a route table whose default route uses the gateway of the same zone (one_nat_gateway_per_az " +
			"in the community VPC module), or use a regional NAT gateway.",
		Example: `resource "aws_nat_gateway" "this" {
  count         = length(var.azs)
  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id
}

resource "aws_route" "private_nat" {
  count                  = length(var.azs)
  route_table_id         = aws_route_table.private[count.index].id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.this[count.index].id
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if mode, _ := r.Attr("availability_mode").Str(); mode == "regional" {
			return pass("the NAT gateway is regional: AWS runs it in every zone of the VPC", ev(p, r, "availability_mode"))
		}
		own := subnetSpread(p, r, "subnet_id")
		if !own.Complete || len(own.AZs) != 1 || strings.Contains(own.AZs[0], "-az") { // a zone ID, not a name
			return unknown("the NAT gateway's Availability Zone is known only after apply or lies outside the plan", own.Evidence...)
		}
		zone := own.AZs[0]
		served, known := natServedSubnets(p, r, zone)
		e := append(own.Evidence, evText("subnets routed through it", "%s", served.describe()))
		switch {
		case len(served.other) > 0:
			return fail(fmt.Sprintf("the NAT gateway in %s also serves subnets in other zones (%s): an outage of %s cuts their outbound traffic",
				zone, strings.Join(served.other, ", "), zone), e...)
		case !known || len(served.unknown) > 0:
			return unknown("the subnets routed through this NAT gateway, or their zones, are not all in the plan", e...)
		case len(served.same) == 0:
			return unknown("no subnet in the plan routes through this NAT gateway", e...)
		}
		return pass(fmt.Sprintf("the NAT gateway serves only subnets in its own zone, %s", zone), e...)
	},
}

// natServed sorts the subnets routed through a NAT gateway by zone.
type natServed struct {
	zone                 string
	same, other, unknown []string
}

func (s natServed) describe() string {
	var parts []string
	for _, l := range [][]string{s.same, s.other, s.unknown} {
		parts = append(parts, l...)
	}
	if len(parts) == 0 {
		return "none in the plan"
	}
	return strings.Join(parts, ", ")
}

// natServedSubnets follows route tables whose routes use the NAT gateway
// (aws_route or inline route blocks) to the subnets associated with them.
// known is false when a route or association cannot be followed.
func natServedSubnets(p *model.Plan, nat *model.Resource, zone string) (natServed, bool) {
	s := natServed{zone: zone}
	known := true
	var tables []*model.Resource
	for _, x := range linkedFrom(p, nat, "id", model.Path{"nat_gateway_id"}, "aws_route") {
		rts := p.Refs(x, "route_table_id")
		if id, ok := x.Attr("route_table_id").Str(); ok && len(rts) == 0 {
			rts = p.WithValue(id, model.Path{"id"}, "aws_route_table")
		}
		if len(rts) == 0 {
			known = false
		}
		tables = append(tables, rts...)
	}
	tables = append(tables, p.Referrers(nat, "aws_route_table")...)
	seen := map[*model.Resource]bool{}
	for _, rt := range tables {
		if seen[rt] || rt.Type != "aws_route_table" {
			continue
		}
		seen[rt] = true
		for _, assoc := range linkedFrom(p, rt, "id", model.Path{"route_table_id"}, "aws_route_table_association") {
			l := subnetsOf(p, assoc, "subnet_id")
			subs := l.Subs
			if !l.Exact || l.Superset || len(subs) != 1 {
				s.unknown = append(s.unknown, assoc.Address+": subnet unknown")
				continue
			}
			zone, isID, ok := subs[0].az()
			name := subs[0].String()
			switch {
			case !ok || isID:
				s.unknown = append(s.unknown, name+": zone unknown")
			case zone == s.zone:
				s.same = append(s.same, name+": "+zone)
			default:
				s.other = append(s.other, name+": "+zone)
			}
		}
	}
	return s, known
}
