package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSRoute53HealthCheckEffective fails Route 53 health checks that can
// never report a failure.
var AWSRoute53HealthCheckEffective = check.Check{
	Meta: check.Meta{
		ID:            "aws_route53_health_check_effective",
		Title:         "Route 53 health check can report an unhealthy endpoint",
		Section:       "deployment",
		Category:      "health_check",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_route53_health_check"},
		Description: "Some health checks look in place but never fail: Route 53 treats a disabled health check " +
			"(disabled = true) as healthy, and a CALCULATED health check with child_health_threshold = 0 as " +
			"healthy whatever its children say. Records that rely on them never fail over.",
		Remediation: "Remove disabled = true once the endpoint is ready, and give calculated health checks a " +
			"child_health_threshold of at least 1.",
		Example: `resource "aws_route53_health_check" "api" {
  fqdn              = "api.example.com"
  type              = "HTTPS"
  port              = 443
  resource_path     = "/healthz"
  failure_threshold = 3
  request_interval  = 30
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		disabled := r.Attr("disabled")
		if on, ok := disabled.Bool(); ok && on {
			return fail("the health check is disabled: Route 53 considers it healthy, so nothing fails over", ev(p, r, "disabled"))
		}
		typ := ev(p, r, "type")
		if t, _ := r.Attr("type").Str(); t == "CALCULATED" {
			th := r.Attr("child_health_threshold")
			if n, ok := th.Number(); ok && n == 0 {
				return fail("a calculated health check with child_health_threshold = 0 is always healthy", typ, ev(p, r, "child_health_threshold"))
			}
			if th.Unknown {
				return unknown("child_health_threshold is known only after apply", typ, ev(p, r, "child_health_threshold"))
			}
		}
		if disabled.Unknown {
			return unknown("disabled is known only after apply", ev(p, r, "disabled"))
		}
		e := ev(p, r, "disabled")
		if disabled.Value == nil {
			e.Value += " (unset: defaults to false)"
		}
		return pass("the health check is enabled and can report a failure", e, typ)
	},
}
