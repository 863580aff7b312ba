package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSELBListenerHTTPS requires Classic Load Balancer listeners to encrypt.
var AWSELBListenerHTTPS = check.Check{
	Meta: check.Meta{
		ID:            "aws_elb_listener_https",
		Title:         "Classic Load Balancer listeners use HTTPS or SSL",
		Section:       "security",
		Category:      "encryption_in_transit",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_elb"},
		Description: "A Classic Load Balancer cannot redirect HTTP to HTTPS: an http listener serves the " +
			"application in clear text. https and ssl listeners terminate TLS with a certificate; a tcp " +
			"listener may pass TLS through, which the plan cannot see.",
		Remediation: "Use lb_protocol = \"https\" (or \"ssl\") with an ssl_certificate_id, and move to an " +
			"Application Load Balancer if port 80 must redirect.",
		Example: `resource "aws_elb" "web" {
  # ...
  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 8080
    instance_protocol  = "http"
    ssl_certificate_id = aws_acm_certificate.web.arn
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		ls := r.Attr("listener")
		if ls.Unknown {
			return unknown("listener is known only after apply", ev(p, r, "listener"))
		}
		var plain, passthrough, undecided []string
		for i := range ls.List() {
			proto := r.Attr("listener", i, "lb_protocol")
			port, _ := r.Attr("listener", i, "lb_port").Number()
			s, ok := proto.Str()
			desc := fmt.Sprintf("%s:%g", s, port)
			switch strings.ToLower(s) {
			case "https", "ssl":
			case "http":
				plain = append(plain, desc)
			case "tcp":
				passthrough = append(passthrough, desc)
			default:
				if !ok {
					desc = fmt.Sprintf("listener[%d]", i)
				}
				undecided = append(undecided, desc)
			}
		}
		e := ev(p, r, "listener")
		switch {
		case len(plain) > 0:
			return fail("plain HTTP listener(s): "+strings.Join(plain, ", "), e)
		case len(undecided) > 0:
			return unknown("listener protocol(s) known only after apply: "+strings.Join(undecided, ", "), e)
		case len(passthrough) > 0:
			return unknown("TCP listener(s) may pass TLS through to the instances: "+strings.Join(passthrough, ", "), e)
		case len(ls.List()) == 0:
			return unknown("the load balancer has no listener in the plan", e)
		}
		return pass("every listener terminates TLS", e)
	},
}
