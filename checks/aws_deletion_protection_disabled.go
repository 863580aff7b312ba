package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSDeletionProtectionDisabled fails when a plan turns deletion protection
// off on a database, a table or a load balancer.
var AWSDeletionProtectionDisabled = check.Check{
	Meta: check.Meta{
		ID:         "aws_deletion_protection_disabled",
		Title:      "The plan does not turn deletion protection off",
		Section:    "disaster_recovery",
		Category:   "deletion_protection",
		Transition: true,
		Severity:   check.SeverityMedium,
		Cloud:      "aws",
		ResourceTypes: []string{"aws_db_instance", "aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster",
			"aws_dynamodb_table", "aws_lb", "aws_alb"},
		Description: "A transition check: it compares the value before the plan with the planned one. Turning " +
			"deletion protection off is how a deletion is prepared: the change itself deletes nothing, so review " +
			"waves it through, and the destroy that follows, in this pull request or a later one, meets no " +
			"refusal from the API. It reads deletion_protection on RDS, Aurora, DocumentDB and Neptune, " +
			"deletion_protection_enabled on DynamoDB tables and enable_deletion_protection on load balancers; a " +
			"value removed from the configuration plans as null, which the API reads as false. Resources the plan " +
			"creates or deletes have no transition and are not judged.",
		Remediation: "Keep deletion protection on. When the resource really is to go, turn protection off in a " +
			"change of its own that says so, and record the waiver.",
		Example: `resource "aws_rds_cluster" "main" {
  deletion_protection = true # as before this change
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		return transition(p, r, func(old *model.Resource) check.Finding {
			attr, what := "deletion_protection", "the database"
			switch r.Type {
			case "aws_dynamodb_table":
				attr, what = "deletion_protection_enabled", "the table"
			case "aws_lb", "aws_alb":
				attr, what = "enable_deletion_protection", "the load balancer"
			}
			return verdictOf(flagWeakened(p, old, r, protection{
				name:    "deletion protection",
				exposed: "the API no longer refuses to delete " + what,
			}, attr))
		})
	},
}
