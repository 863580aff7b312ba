package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSLBListenerHTTPS requires load balancer listeners to serve HTTPS/TLS,
// or to redirect plain HTTP to HTTPS.
var AWSLBListenerHTTPS = check.Check{
	Meta: check.Meta{
		ID:            "aws_lb_listener_https",
		Title:         "Load balancer listener serves HTTPS or redirects to it",
		Section:       "security",
		Category:      "encryption_in_transit",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_lb_listener", "aws_alb_listener"},
		Description: "A plain HTTP listener that forwards to targets carries requests, cookies and tokens in " +
			"clear text across the internet. An HTTPS or TLS listener encrypts them; an HTTP listener is fine " +
			"when all it does is redirect to HTTPS. TCP and UDP listeners may pass TLS through to the targets, " +
			"which the plan cannot see.",
		Remediation: "Serve protocol = \"HTTPS\" (or \"TLS\") with a certificate_arn and a current ssl_policy, " +
			"and make port 80 listeners redirect to HTTPS with status HTTP_301.",
		Example: `resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		proto := r.Attr("protocol")
		e := ev(p, r, "protocol")
		s, _ := proto.Str()
		if proto.Unknown {
			s = listenerDefaultProtocol(p, r)
			if s == "" {
				return unknown("protocol is known only after apply", e)
			}
			e.Value += " (unset: defaults to " + s + ")"
		}
		switch strings.ToUpper(s) {
		case "HTTPS", "TLS":
			return pass("the listener encrypts traffic with "+strings.ToUpper(s), e, ev(p, r, "ssl_policy"))
		case "TCP", "UDP", "TCP_UDP":
			return unknown("a "+s+" listener may pass TLS through to its targets: the plan cannot tell", e)
		case "GENEVE":
			return check.Skip // Gateway Load Balancer: not a client-facing protocol
		case "HTTP":
		default:
			return unknown("the listener's protocol is not set in the plan", e)
		}
		actions := r.Attr("default_action")
		if actions.Unknown {
			return unknown("default_action is known only after apply", e, ev(p, r, "default_action"))
		}
		for i := range actions.List() {
			t, _ := r.Attr("default_action", i, "type").Str()
			switch t {
			case "redirect":
				if to, _ := r.Attr("default_action", i, "redirect", 0, "protocol").Str(); strings.EqualFold(to, "HTTPS") {
					continue
				}
			case "fixed-response":
				continue
			}
			return fail("the HTTP listener serves traffic in clear text ("+t+")", e, ev(p, r, "default_action", i))
		}
		for _, rule := range p.Referrers(r, "aws_lb_listener_rule", "aws_alb_listener_rule") {
			for i := range rule.Attr("action").List() {
				if t, _ := rule.Attr("action", i, "type").Str(); t == "forward" || t == "authenticate-oidc" || t == "authenticate-cognito" {
					return fail("a rule of the HTTP listener forwards traffic in clear text ("+rule.Address+")", e, ev(p, rule, "action", i, "type"))
				}
			}
		}
		return pass("the HTTP listener only redirects to HTTPS", e, ev(p, r, "default_action", 0, "redirect", 0, "protocol"))
	},
}

// listenerDefaultProtocol is the protocol of a listener that does not set
// one: HTTP on an Application Load Balancer, TCP on a Network Load Balancer.
func listenerDefaultProtocol(p *model.Plan, r *model.Resource) string {
	if r.Configured("protocol") != model.NotSet {
		return ""
	}
	for _, lb := range p.Refs(r, "load_balancer_arn") {
		if lb.Type != "aws_lb" && lb.Type != "aws_alb" {
			continue
		}
		switch t, _ := lb.Attr("load_balancer_type").Str(); t {
		case "", "application":
			return "HTTP"
		case "network":
			return "TCP"
		}
	}
	return ""
}
