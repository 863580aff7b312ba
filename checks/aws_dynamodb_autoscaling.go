package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSDynamoDBAutoscaling requires DynamoDB tables to follow demand: on-demand
// billing, or provisioned capacity under Application Auto Scaling.
var AWSDynamoDBAutoscaling = check.Check{
	Meta: check.Meta{
		ID:            "aws_dynamodb_autoscaling",
		Title:         "DynamoDB table capacity follows demand",
		Section:       "deployment",
		Category:      "autoscaling",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_dynamodb_table"},
		Description: "A table with fixed provisioned capacity throttles requests as soon as a spike exceeds its " +
			"read or write capacity units, and the application sees ProvisionedThroughputExceeded errors. " +
			"On-demand billing (PAY_PER_REQUEST) absorbs spikes by itself; provisioned tables need an " +
			"aws_appautoscaling_target (resource_id table/NAME) with a target-tracking policy.",
		Remediation: "Set billing_mode = \"PAY_PER_REQUEST\", or add aws_appautoscaling_target and " +
			"aws_appautoscaling_policy resources for the table's read and write capacity.",
		Example: `resource "aws_appautoscaling_target" "orders_write" {
  service_namespace  = "dynamodb"
  resource_id        = "table/${aws_dynamodb_table.orders.name}"
  scalable_dimension = "dynamodb:table:WriteCapacityUnits"
  min_capacity       = 5
  max_capacity       = 500
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		mode := r.Attr("billing_mode")
		e := ev(p, r, "billing_mode")
		if mode.Unknown {
			return unknown("billing_mode is known only after apply", e)
		}
		m, _ := mode.Str()
		if m == "PAY_PER_REQUEST" {
			return pass("on-demand capacity follows traffic", e)
		}
		if m == "" {
			e.Value += " (unset: defaults to PROVISIONED)"
		}
		name, value := strAt(r, "name"), ""
		if name != "" {
			value = "table/" + name
		}
		var dims []string
		var evs []check.Evidence
		for _, t := range linkedThrough(p, r, "resource_id", value, "aws_appautoscaling_target") {
			if dim := strAt(t, "scalable_dimension"); strings.HasPrefix(dim, "dynamodb:table:") {
				dims = append(dims, strings.TrimPrefix(dim, "dynamodb:table:"))
				evs = append(evs, evAt(p, t, "resource_id"))
			}
		}
		if len(dims) > 0 {
			return pass(fmt.Sprintf("provisioned capacity scales with Application Auto Scaling (%s)", strings.Join(dims, ", ")),
				append([]check.Evidence{e}, evs...)...)
		}
		if t := dynamoDBTargetUndecided.in(p); t != nil {
			return unknown(fmt.Sprintf("%s scales a DynamoDB table known only after apply", t.Address), e, evAt(p, t, "resource_id"))
		}
		return fail("provisioned capacity is fixed: spikes beyond it are throttled", e,
			evText("aws_appautoscaling_target", "none for table/%s in the plan", name))
	},
}

// dynamoDBTargetUndecided finds a DynamoDB scalable target whose table is
// known only after apply: it may scale any table.
var dynamoDBTargetUndecided = &firstMatch{
	types: []string{"aws_appautoscaling_target"},
	test: func(t *model.Resource) bool {
		return t.Attr("resource_id").Unknown && strAt(t, "service_namespace") == "dynamodb"
	},
}
