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
		switch r.Type {
		case "aws_security_group", "aws_default_security_group":
			return judgeInlineIngress(p, r)
		case "aws_security_group_rule":
			if t, _ := r.Attr("type").Str(); t != "ingress" {
				return check.Skip
			}
			o, _ := r.After.(model.Object)
			rule := sgRuleFromObject(o, cidrMarks(r.AfterUnknown))
			e := evs(p, r, "protocol", "from_port", "to_port", "cidr_blocks", "ipv6_cidr_blocks")
			return judgeWorldRules([]portRule{rule}).finding(func([]int) []check.Evidence { return e })
		case "aws_vpc_security_group_ingress_rule":
			e := evs(p, r, "ip_protocol", "from_port", "to_port", "cidr_ipv4", "cidr_ipv6")
			return judgeWorldRules([]portRule{vpcIngressRule(r)}).finding(func([]int) []check.Evidence { return e })
		}
		return check.Skip
	},
}

// judgeInlineIngress judges a security group's inline ingress rules. Its
// evidence names only the rules the verdict rests on, each on one line
// (ingress[2] = tcp 22-22 from 0.0.0.0/0), not the whole list.
func judgeInlineIngress(p *model.Plan, r *model.Resource) check.Finding {
	ing := r.Attr("ingress")
	if ing.Unknown {
		switch r.ConfiguredBlock("ingress") {
		case model.NotSet:
			return check.Skip // rules live in their own resources, judged there
		case model.CannotTell:
			if r.Config != nil {
				return cannotTell(r, "ingress", ev(p, r, "ingress"))
			}
		}
		return unknown("the ingress rules are known only after apply", ev(p, r, "ingress"))
	}
	marks, _ := model.Lookup(r.AfterUnknown, model.Path{"ingress"})
	var rules []portRule
	for i, x := range ing.List() {
		o, _ := x.(model.Object)
		m, _ := model.Lookup(marks, model.Path{i})
		rules = append(rules, sgRuleFromObject(o, cidrMarks(m)))
	}
	return judgeWorldRules(rules).finding(func(at []int) []check.Evidence {
		if len(at) == 0 {
			return []check.Evidence{evText("ingress", "%d rule(s), none open to 0.0.0.0/0 or ::/0", len(rules))}
		}
		e := make([]check.Evidence, len(at))
		for k, i := range at {
			e[k] = inlineRuleEvidence(p, r, i)
		}
		return e
	})
}

// worldVerdict sorts rules by what they open to the whole internet, keeping
// the indexes of the rules in each group for the evidence.
type worldVerdict struct {
	critical, other, undecided       []string
	criticalAt, otherAt, undecidedAt []int
	webAt                            []int // open to the world on 80/443 (or ICMP) only
}

func judgeWorldRules(rules []portRule) worldVerdict {
	var v worldVerdict
	for i, rule := range rules {
		if !rule.known {
			v.undecided = append(v.undecided, fmt.Sprintf("%s %d-%d", rule.protocol, rule.from, rule.to))
			v.undecidedAt = append(v.undecidedAt, i)
			continue
		}
		if len(rule.world) == 0 {
			continue
		}
		c, o := judgeRule(rule)
		switch {
		case c != nil:
			v.critical = append(v.critical, c...)
			v.criticalAt = append(v.criticalAt, i)
		case o != "":
			v.other = append(v.other, o)
			v.otherAt = append(v.otherAt, i)
		default:
			v.webAt = append(v.webAt, i)
		}
	}
	return v
}

// finding is the verdict, with the evidence evidence gives for the rules
// it rests on.
func (v worldVerdict) finding(evidence func(at []int) []check.Evidence) check.Finding {
	switch {
	case len(v.critical) > 0:
		return fail("open to the whole internet: "+strings.Join(v.critical, ", "), evidence(v.criticalAt)...)
	case len(v.undecided) > 0:
		return unknown("rule sources or ports known only after apply: "+strings.Join(v.undecided, ", "), evidence(v.undecidedAt)...)
	case len(v.other) > 0:
		return unknown("ports open to the whole internet that a person should confirm are public services: "+strings.Join(v.other, ", "), evidence(v.otherAt)...)
	}
	return pass("no admin or database port is open to the internet (at most 80/443)", evidence(v.webAt)...)
}

// inlineRuleEvidence describes inline ingress rule i as protocol, ports and
// its sources open to the world: "tcp 22-22 from 0.0.0.0/0, ::/0". Every
// part is read through the plan's marks: a sensitive one shows as
// (sensitive), an unknown one as (known after apply).
func inlineRuleEvidence(p *model.Plan, r *model.Resource, i int) check.Evidence {
	at := func(path ...model.Step) model.Attr { return r.Attr(append(model.Path{"ingress", i}, path...)...) }
	text := fmt.Sprintf("%s %s-%s", plainValue(p, r, at("protocol")), plainValue(p, r, at("from_port")), plainValue(p, r, at("to_port")))
	var from []string
	for _, list := range []string{"cidr_blocks", "ipv6_cidr_blocks"} {
		from = append(from, worldSources(p, r, at(list), func(j int) model.Attr { return at(list, j) })...)
	}
	if len(from) > 0 {
		text += " from " + strings.Join(from, ", ")
	}
	return check.Evidence{Attribute: fmt.Sprintf("ingress[%d]", i), Value: text}
}

// worldSources lists a CIDR list's sources that are the whole internet, or
// says the list is sensitive or unknown; elem reads its j-th element.
func worldSources(p *model.Plan, r *model.Resource, list model.Attr, elem func(j int) model.Attr) []string {
	if list.Sensitive || list.Unknown {
		return []string{p.Show(r, list)}
	}
	var out []string
	for j, c := range list.List() {
		e := elem(j)
		s, _ := c.(string)
		switch {
		case e.Unknown:
			out = append(out, model.KnownAfterApply)
		case !worldCIDR(s):
		case e.Sensitive:
			out = append(out, model.Redacted)
		default:
			out = append(out, s)
		}
	}
	return out
}

// plainValue shows a scalar as people read it (tcp, 22), not as JSON; a
// value that is sensitive, unknown or absent shows as p.Show says.
func plainValue(p *model.Plan, r *model.Resource, a model.Attr) string {
	if s, ok := a.Str(); ok && !a.Sensitive {
		return p.ScrubFor(r, s)
	}
	return p.Show(r, a)
}

// evs is the evidence of several attributes of r.
func evs(p *model.Plan, r *model.Resource, attrs ...string) []check.Evidence {
	e := make([]check.Evidence, len(attrs))
	for i, a := range attrs {
		e[i] = ev(p, r, a)
	}
	return e
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
