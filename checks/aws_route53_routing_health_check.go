package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSRoute53RoutingHealthCheck requires Route 53 failover and latency
// records to carry a health check, so that Route 53 stops answering with
// an endpoint that is down.
var AWSRoute53RoutingHealthCheck = check.Check{
	Meta: check.Meta{
		ID:            "aws_route53_routing_health_check",
		Title:         "Route 53 failover and latency records have a health check",
		Section:       "deployment",
		Category:      "health_check",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_route53_record"},
		Description: "Route 53 fails over, or stops sending a region its latency-routed users, only when it " +
			"knows the endpoint is unhealthy. A failover primary or a latency record without a health check " +
			"is always healthy in Route 53's eyes: the failover never happens and users keep reaching the dead " +
			"region. A health_check_id or an alias with evaluate_target_health = true (the target's own health, " +
			"as for a load balancer) gives it that knowledge. A failover secondary may go without: Route 53 " +
			"answers with it whenever the primary is unhealthy.",
		Remediation: "Create an aws_route53_health_check for the endpoint and set health_check_id on the record, " +
			"or, for alias records, set alias { evaluate_target_health = true }.",
		Example: `resource "aws_route53_record" "api_primary" {
  zone_id         = aws_route53_zone.main.zone_id
  name            = "api.example.com"
  type            = "A"
  set_identifier  = "primary"
  health_check_id = aws_route53_health_check.api_primary.id
  records         = ["203.0.113.10"]
  ttl             = 60
  failover_routing_policy {
    type = "PRIMARY"
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		failover, latency := r.Attr("failover_routing_policy"), r.Attr("latency_routing_policy")
		if len(failover.List()) == 0 && len(latency.List()) == 0 {
			return check.Skip
		}
		policy := ev(p, r, "latency_routing_policy")
		if len(failover.List()) > 0 {
			policy = ev(p, r, "failover_routing_policy")
		}
		hc := r.Attr("health_check_id")
		hcEv := ev(p, r, "health_check_id")
		if s, ok := hc.Str(); ok && s != "" {
			if found := p.WithValue(s, model.Path{"id"}, "aws_route53_health_check"); len(found) > 0 {
				hcEv = evText("health_check_id", "%s (%s)", s, found[0].Address)
			}
			return pass("the record has a health check", policy, hcEv)
		}
		if hc.Unknown {
			for _, x := range p.Refs(r, "health_check_id") {
				if x.Type == "aws_route53_health_check" {
					return pass("the record has a health check", policy, evText("health_check_id", "refers to %s", x.Address))
				}
			}
			return unknown("health_check_id is known only after apply", policy, hcEv)
		}
		eth := r.Attr("alias", 0, "evaluate_target_health")
		if on, ok := eth.Bool(); ok && on {
			return pass("the alias record evaluates its target's health", policy, ev(p, r, "alias", 0, "evaluate_target_health"))
		}
		if eth.Unknown {
			return unknown("alias.evaluate_target_health is known only after apply", policy, ev(p, r, "alias", 0, "evaluate_target_health"))
		}
		ftype := r.Attr("failover_routing_policy", 0, "type")
		if s, ok := ftype.Str(); ok && s == "SECONDARY" {
			return pass("a failover secondary without a health check: Route 53 answers with it whenever the primary is unhealthy", policy, hcEv)
		}
		if ftype.Unknown {
			return unknown("the failover type is known only after apply", policy, hcEv)
		}
		return fail("the record has no health check: Route 53 keeps answering with it while its endpoint is down", policy, hcEv)
	},
}
