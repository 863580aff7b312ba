package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSRDSDeletionProtection requires deletion protection on databases.
var AWSRDSDeletionProtection = check.Check{
	Meta: check.Meta{
		ID:            "aws_rds_deletion_protection",
		Title:         "Database has deletion protection",
		Section:       "disaster_recovery",
		Category:      "deletion_protection",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_db_instance", "aws_rds_cluster", "aws_neptune_cluster", "aws_docdb_cluster"},
		Description: "Without deletion protection a database goes with one mistaken terraform destroy, a renamed " +
			"resource or a console click, and its automated backups may go with it. With deletion_protection " +
			"= true the API refuses to delete it until someone turns the flag off on purpose. The API default " +
			"is false.",
		Remediation: "Set deletion_protection = true (and keep skip_final_snapshot = false so that a deliberate " +
			"deletion still leaves a final snapshot).",
		Example: `resource "aws_rds_cluster" "main" {
  deletion_protection = true
  skip_final_snapshot = false
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return flag(p, r, true, false,
			"the database cannot be deleted until deletion protection is turned off",
			"deletion protection is off: one mistaken destroy deletes the database",
			"deletion_protection")
	},
}
