package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSLBTargetGroupHealthCheck requires target groups to health-check their
// targets.
var AWSLBTargetGroupHealthCheck = check.Check{
	Meta: check.Meta{
		ID:            "aws_lb_target_group_health_check",
		Title:         "Target group health-checks its targets",
		Section:       "deployment",
		Category:      "health_check",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_lb_target_group", "aws_alb_target_group"},
		Description: "A load balancer routes only to targets that pass their target group's health check. " +
			"With health checks disabled it keeps sending requests to crashed or overloaded targets, and " +
			"Auto Scaling groups and ECS services that rely on the load balancer never replace them.",
		Remediation: "Leave health_check.enabled at true (the default) and point health_check.path at an " +
			"endpoint that checks the application, with matcher, interval and thresholds that suit it.",
		Example: `resource "aws_lb_target_group" "app" {
  port     = 8080
  protocol = "HTTP"
  vpc_id   = aws_vpc.main.id
  health_check {
    path                = "/healthz"
    matcher             = "200"
    interval            = 15
    healthy_threshold   = 3
    unhealthy_threshold = 3
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if t, _ := r.Attr("target_type").Str(); t == "lambda" {
			return check.Skip // a Lambda target is invoked, not probed
		}
		hc := r.Attr("health_check")
		if hc.Unknown || len(hc.List()) == 0 {
			if r.ConfiguredBlock("health_check") == model.NotSet || maybeDynamic(r, "health_check") {
				e := ev(p, r, "health_check")
				e.Value += " (unset: AWS health-checks every target by default)"
				if maybeDynamic(r, "health_check") {
					e = assumeUnset(e, "health_check")
				}
				return pass("targets are health-checked with the AWS defaults", e)
			}
			return unknown("health_check is known only after apply", ev(p, r, "health_check"))
		}
		f := flag(p, r, true, true,
			"the target group health-checks its targets",
			"health checks are disabled: the load balancer keeps routing to failed targets",
			"health_check", 0, "enabled")
		f.Evidence = append(f.Evidence, ev(p, r, "health_check", 0, "path"), ev(p, r, "health_check", 0, "protocol"))
		return f
	},
}
