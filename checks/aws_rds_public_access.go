package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSRDSPublicAccess forbids publicly accessible database instances.
var AWSRDSPublicAccess = check.Check{
	Meta: check.Meta{
		ID:            "aws_rds_public_access",
		Title:         "Database instance is not publicly accessible",
		Section:       "security",
		Category:      "public_access",
		Severity:      check.SeverityCritical,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_db_instance", "aws_rds_cluster_instance"},
		Description: "A publicly accessible instance gets a public IP address and a DNS name that resolves to it " +
			"from the internet: one security group rule too wide and the database login is open to the world, " +
			"where scanners try passwords within minutes. Databases belong in private subnets, reached through " +
			"the application, a bastion or a VPN.",
		Remediation: "Set publicly_accessible = false and place the instance in a DB subnet group of private " +
			"subnets.",
		Example: `resource "aws_db_instance" "main" {
  publicly_accessible  = false
  db_subnet_group_name = aws_db_subnet_group.private.name
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return flag(p, r, false, false,
			"the instance has no public endpoint",
			"the instance is reachable from the internet",
			"publicly_accessible")
	},
}
