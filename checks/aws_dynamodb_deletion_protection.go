package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSDynamoDBDeletionProtection requires deletion protection on tables.
var AWSDynamoDBDeletionProtection = check.Check{
	Meta: check.Meta{
		ID:            "aws_dynamodb_deletion_protection",
		Title:         "DynamoDB table has deletion protection",
		Section:       "disaster_recovery",
		Category:      "deletion_protection",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_dynamodb_table"},
		Description: "Deleting a DynamoDB table is immediate and takes its point-in-time recovery history with it. " +
			"With deletion_protection_enabled = true the API refuses DeleteTable until the flag is turned off on " +
			"purpose. The default is false.",
		Remediation: "Set deletion_protection_enabled = true.",
		Example: `resource "aws_dynamodb_table" "main" {
  deletion_protection_enabled = true
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return flag(p, r, true, false,
			"the table cannot be deleted until deletion protection is turned off",
			"deletion protection is off: one mistaken destroy deletes the table and its backups history",
			"deletion_protection_enabled")
	},
}
