package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSLBAccessLogs requires load balancers to write access logs.
var AWSLBAccessLogs = check.Check{
	Meta: check.Meta{
		ID:            "aws_lb_access_logs",
		Title:         "Load balancer writes access logs",
		Section:       "observability",
		Category:      "logging",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_lb", "aws_alb", "aws_elb"},
		Description: "Access logs record every request a load balancer handles: client, target, latency, " +
			"status codes and TLS details. Without them there is no record of what users saw during an " +
			"incident, which target returned the errors, or who sent suspicious traffic.",
		Remediation: "Add access_logs { bucket = ..., enabled = true } pointing at an S3 bucket whose policy " +
			"lets the Elastic Load Balancing service write to it.",
		Example: `resource "aws_lb" "web" {
  # ...
  access_logs {
    bucket  = aws_s3_bucket.lb_logs.id
    prefix  = "web"
    enabled = true
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		// A Classic Load Balancer (aws_elb) has no load_balancer_type and is
		// never a gateway.
		if r.Type != "aws_elb" && strAt(r, "load_balancer_type") == "gateway" {
			return check.Skip // Gateway Load Balancers have no access logs
		}
		logs := r.Attr("access_logs")
		e := ev(p, r, "access_logs")
		if logs.Unknown {
			if r.ConfiguredBlock("access_logs") == model.NotSet {
				return fail("access logs are not configured", e)
			}
			if maybeDynamic(r, "access_logs") {
				return fail("access logs are not configured", assumeUnset(e, "access_logs"))
			}
			return unknown("access_logs is known only after apply", e)
		}
		if len(logs.List()) == 0 {
			return fail("access logs are not configured", e)
		}
		// enabled defaults to false on aws_lb and to true on the Classic aws_elb.
		return flag(p, r, true, r.Type == "aws_elb",
			"the load balancer writes access logs",
			"access logs are configured but disabled",
			"access_logs", 0, "enabled")
	},
}
