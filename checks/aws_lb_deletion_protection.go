package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSLBDeletionProtection requires load balancers to be protected from
// deletion.
var AWSLBDeletionProtection = check.Check{
	Meta: check.Meta{
		ID:            "aws_lb_deletion_protection",
		Title:         "Load balancer has deletion protection",
		Section:       "disaster_recovery",
		Category:      "deletion_protection",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_lb", "aws_alb"},
		Description: "Deleting a load balancer, by a mistaken apply, a renamed resource or a console click, " +
			"takes the service offline at once, and its replacement gets a new DNS name that every CNAME and " +
			"client has to learn. Deletion protection makes AWS refuse the deletion until it is turned off.",
		Remediation: "Set enable_deletion_protection = true.",
		Example: `resource "aws_lb" "web" {
  name                       = "web"
  load_balancer_type         = "application"
  subnets                    = module.vpc.public_subnets
  enable_deletion_protection = true
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return flag(p, r, true, false,
			"the load balancer is protected from deletion",
			"deletion protection is off: one mistaken apply or click takes the service offline",
			"enable_deletion_protection")
	},
}
