package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSSecurityGroupWorldIngress forbids opening administration and database
// ports (or every port) to the whole internet.
var AWSSecurityGroupWorldIngress = check.Check{
	Meta: check.Meta{
		ID:            "aws_security_group_world_ingress",
		Title:         "Security group does not open admin or database ports to the internet",
		Section:       "security",
		Category:      "public_access",
		Severity:      check.SeverityCritical,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_security_group", "aws_default_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule"},
		Description: "Ingress from 0.0.0.0/0 or ::/0 to SSH, RDP, database, cache, search or broker ports, " +
			"or to every port, invites brute force and exploitation from the whole internet within minutes. " +
			"Only 80 and 443 are meant to face the world; any other port open to it needs a person to " +
			"confirm it is a public service, so it is reported as unknown.",
		Remediation: "Allow these ports only from known networks, security groups or prefix lists, reach " +
			"instances through SSM Session Manager or a VPN instead of SSH/RDP from the internet, and keep " +
			"databases in private subnets.",
		Example: `resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.web.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		var rules []portRule
		var e []check.Evidence
		switch r.Type {
		case "aws_security_group", "aws_default_security_group":
			ing := r.Attr("ingress")
			e = []check.Evidence{ev(p, r, "ingress")}
			if ing.Unknown {
				if r.Config != nil && !r.Configured("ingress") {
					return check.Skip // rules live in their own resources, judged there
				}
				return unknown("the ingress rules are known only after apply", e...)
			}
			marks, _ := model.Lookup(r.AfterUnknown, model.Path{"ingress"})
			for i, x := range ing.List() {
				o, _ := x.(model.Object)
				m, _ := model.Lookup(marks, model.Path{i})
				rules = append(rules, sgRuleFromObject(o, cidrMarks(m)))
			}
		case "aws_security_group_rule":
			if t, _ := r.Attr("type").Str(); t != "ingress" {
				return check.Skip
			}
			o, _ := r.After.(model.Object)
			rules = append(rules, sgRuleFromObject(o, cidrMarks(r.AfterUnknown)))
			for _, a := range []string{"protocol", "from_port", "to_port", "cidr_blocks", "ipv6_cidr_blocks"} {
				e = append(e, ev(p, r, a))
			}
		case "aws_vpc_security_group_ingress_rule":
			rules = append(rules, vpcIngressRule(r))
			for _, a := range []string{"ip_protocol", "from_port", "to_port", "cidr_ipv4", "cidr_ipv6"} {
				e = append(e, ev(p, r, a))
			}
		}
		var critical, other, undecided []string
		for _, rule := range rules {
			if !rule.known {
				undecided = append(undecided, fmt.Sprintf("%s %d-%d", rule.protocol, rule.from, rule.to))
				continue
			}
			if len(rule.world) == 0 {
				continue
			}
			c, o := judgeRule(rule)
			critical = append(critical, c...)
			if o != "" {
				other = append(other, o)
			}
		}
		switch {
		case len(critical) > 0:
			return fail("open to the whole internet: "+strings.Join(critical, ", "), e...)
		case len(undecided) > 0:
			return unknown("rule sources or ports known only after apply: "+strings.Join(undecided, ", "), e...)
		case len(other) > 0:
			return unknown("ports open to the whole internet that a person should confirm are public services: "+strings.Join(other, ", "), e...)
		}
		return pass("no admin or database port is open to the internet (at most 80/443)", e...)
	},
}

// cidrMarks keeps the after_unknown marks that matter to a rule: its
// sources, protocol and ports (not its description or security groups).
func cidrMarks(marks any) any {
	o, ok := marks.(model.Object)
	if !ok {
		return marks
	}
	var out model.Object
	for _, f := range o {
		switch f.Name {
		case "cidr_blocks", "ipv6_cidr_blocks", "cidr_ipv4", "cidr_ipv6", "from_port", "to_port", "protocol", "ip_protocol":
			out = append(out, f)
		}
	}
	return out
}

// vpcIngressRule reads an aws_vpc_security_group_ingress_rule.
func vpcIngressRule(r *model.Resource) portRule {
	rule := portRule{known: !unknownInside(cidrMarks(r.AfterUnknown))}
	rule.protocol, _ = r.Attr("ip_protocol").Str()
	from, ok1 := r.Attr("from_port").Number()
	to, ok2 := r.Attr("to_port").Number()
	rule.from, rule.to = int(from), int(to)
	if rule.protocol != "-1" && rule.protocol != "icmp" && rule.protocol != "icmpv6" && (!ok1 || !ok2) {
		rule.known = false
	}
	for _, attr := range []string{"cidr_ipv4", "cidr_ipv6"} {
		if s, _ := r.Attr(attr).Str(); worldCIDR(s) {
			rule.world = append(rule.world, s)
		}
	}
	return rule
}
