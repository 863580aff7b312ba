package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSDynamoDBReplicas requires DynamoDB tables to be replicated to another
// region as global tables.
var AWSDynamoDBReplicas = check.Check{
	Meta: check.Meta{
		ID:            "aws_dynamodb_replicas",
		Title:         "DynamoDB table is replicated to another region",
		Section:       "disaster_recovery",
		Category:      "replication",
		CrossRegion:   true,
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_dynamodb_table"},
		Description: "A table in one region is unavailable for as long as DynamoDB is impaired there, and a " +
			"restore into another region takes hours. Global tables keep active replicas in other regions, " +
			"seconds behind, ready to take traffic.",
		Remediation: "Add replica blocks (region_name) to the table, or aws_dynamodb_table_replica resources; " +
			"streams must be enabled with NEW_AND_OLD_IMAGES.",
		Example: `resource "aws_dynamodb_table" "main" {
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"
  replica {
    region_name = "us-west-2"
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		replicas := linkedThrough(p, r, "global_table_arn", strAt(r, "arn"), "aws_dynamodb_table_replica")
		return forAnyCount(r, replicas, itself, func(replicas []*model.Resource) check.Finding {
			return dynamoDBReplicated(p, r, replicas)
		})
	},
}

// dynamoDBReplicated judges a table by its aws_dynamodb_table_replica
// resources (replicas) and its replica blocks.
func dynamoDBReplicated(p *model.Plan, r *model.Resource, replicas []*model.Resource) check.Finding {
	if len(replicas) > 0 {
		return pass("the table has replicas in other regions", evText("aws_dynamodb_table_replica", "%s", addresses(replicas)))
	}
	a := r.Attr("replica")
	e := ev(p, r, "replica")
	switch {
	case a.Unknown:
		return unknown("replica is known only after apply", e)
	case dataAbsent(a):
		return unknown("the plan does not hold replica", e)
	case len(a.List()) == 0:
		return fail("the table lives in a single region", e)
	}
	var regions []string
	for i := range a.List() {
		regions = append(regions, strAt(r, "replica", i, "region_name"))
	}
	return pass(fmt.Sprintf("global table with replicas in %s", strings.Join(regions, ", ")), e)
}
