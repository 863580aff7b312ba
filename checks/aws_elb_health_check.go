package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSELBHealthCheck requires a Classic Load Balancer to probe its instances
// with a health check chosen for the application.
var AWSELBHealthCheck = check.Check{
	Meta: check.Meta{
		ID:            "aws_elb_health_check",
		Title:         "Classic Load Balancer health-checks its instances",
		Section:       "deployment",
		Category:      "health_check",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_elb"},
		Description: "A Classic Load Balancer stops routing to instances that fail its health check. Without " +
			"a health_check block it uses a default probe that may not match the application's port or path, " +
			"so a failed application can look healthy (or a healthy one unhealthy).",
		Remediation: "Add a health_check block whose target probes the application, for example " +
			"\"HTTP:8080/healthz\", with thresholds, interval and timeout that suit it.",
		Example: `resource "aws_elb" "web" {
  # ...
  health_check {
    target              = "HTTP:8080/healthz"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 3
    unhealthy_threshold = 3
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		e := ev(p, r, "health_check", 0, "target")
		target := r.Attr("health_check", 0, "target")
		if s, ok := target.Str(); ok && s != "" {
			return pass("the load balancer probes "+s, e)
		}
		switch r.ConfiguredBlock("health_check") {
		case model.NotSet:
			return unknown("no health_check block: the load balancer uses a default probe that may not match the application", ev(p, r, "health_check"))
		case model.CannotTell:
			if r.Config != nil {
				return cannotTell(r, "health_check", ev(p, r, "health_check"))
			}
		}
		return unknown("the health check target is known only after apply", e)
	},
}
