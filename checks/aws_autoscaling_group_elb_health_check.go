package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSAutoscalingGroupELBHealthCheck requires an Auto Scaling group behind a
// load balancer to replace instances the load balancer finds unhealthy.
var AWSAutoscalingGroupELBHealthCheck = check.Check{
	Meta: check.Meta{
		ID:            "aws_autoscaling_group_elb_health_check",
		Title:         "Auto Scaling group behind a load balancer uses its health checks",
		Section:       "deployment",
		Category:      "health_check",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_autoscaling_group"},
		Description: "With the default health_check_type EC2, an Auto Scaling group replaces an instance only " +
			"when EC2 status checks fail. An instance whose application has hung or crashed passes them, so " +
			"the load balancer stops sending it traffic but the group keeps it forever, at reduced capacity. " +
			"With health_check_type ELB the group also replaces instances the load balancer marks unhealthy.",
		Remediation: "Set health_check_type = \"ELB\" and a health_check_grace_period long enough for the " +
			"application to start.",
		Example: `resource "aws_autoscaling_group" "app" {
  # ...
  target_group_arns         = [aws_lb_target_group.app.arn]
  health_check_type         = "ELB"
  health_check_grace_period = 120
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		lb, attached := asgLoadBalancers(p, r)
		switch attached {
		case model.NotSet:
			return check.Skip // without a load balancer, EC2 status checks are all there is
		case model.CannotTell:
			return cannotTell(r, "traffic_source", lb)
		}
		a := r.Attr("health_check_type")
		e := ev(p, r, "health_check_type")
		v, decided := configuredOrDefault(r, a, "EC2", "health_check_type")
		if !decided {
			return unknown("health_check_type is known only after apply", e, lb)
		}
		if a.Unknown || a.Value == nil {
			e.Value += " (unset: defaults to EC2)"
		}
		kind, _ := v.(string)
		if strings.Contains(kind, "ELB") || strings.Contains(kind, "VPC_LATTICE") {
			return pass("the group replaces instances its load balancer finds unhealthy", e, lb)
		}
		return fail("the group is behind a load balancer but replaces instances only on EC2 status checks: hung applications stay in service", e, lb)
	},
}

// asgLoadBalancers says whether an Auto Scaling group is attached to a
// load balancer or target group, inline or by an attachment resource: Set
// when it is, CannotTell when a traffic_source block may come from a
// dynamic block the plan's configuration does not show.
func asgLoadBalancers(p *model.Plan, r *model.Resource) (check.Evidence, model.Setting) {
	for _, attr := range []string{"target_group_arns", "load_balancers"} {
		a := r.Attr(attr)
		if len(a.List()) > 0 || (a.Unknown && r.Config != nil && r.Configured(attr) == model.Set) {
			return ev(p, r, attr), model.Set
		}
	}
	ts := r.Attr("traffic_source")
	if len(ts.List()) > 0 {
		return ev(p, r, "traffic_source"), model.Set
	}
	att := linkedFrom(p, r, "name", model.Path{"autoscaling_group_name"},
		"aws_autoscaling_attachment", "aws_autoscaling_traffic_source_attachment")
	if len(att) > 0 {
		return evText("attached by", "%s", addresses(att)), model.Set
	}
	if ts.Unknown && r.Config != nil {
		if s := r.ConfiguredBlock("traffic_source"); s != model.NotSet {
			return ev(p, r, "traffic_source"), s
		}
	}
	return check.Evidence{}, model.NotSet
}
