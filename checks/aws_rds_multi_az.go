package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSRDSMultiAZ requires RDS instances to keep a standby in a second AZ.
var AWSRDSMultiAZ = check.Check{
	Meta: check.Meta{
		ID:            "aws_rds_multi_az",
		Title:         "RDS instance has a Multi-AZ standby",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_db_instance"},
		Description: "A single-AZ RDS instance goes down with its Availability Zone and during maintenance " +
			"that needs a reboot. With multi_az = true, RDS keeps a synchronous standby in another AZ and fails " +
			"over to it automatically, usually within a minute or two.",
		Remediation: "Set multi_az = true on the aws_db_instance. Read replicas (replicate_source_db) " +
			"are judged the same way: promote-ready replicas need their own standby.",
		Example: `resource "aws_db_instance" "main" {
  engine         = "postgres"
  instance_class = "db.m6g.large"
  multi_az       = true
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return flag(p, r, true, false,
			"the instance has a standby in a second Availability Zone",
			"the instance runs in a single Availability Zone: an AZ outage takes the database down",
			"multi_az")
	},
}
