package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSDynamoDBAutoscaling(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSDynamoDBAutoscaling, "testdata/aws_dynamodb/plan.json", checktest.Want{
		Pass:    []string{"aws_dynamodb_table.audit", "aws_dynamodb_table.orders", "aws_dynamodb_table.sessions", `module.tenant["acme"].aws_dynamodb_table.this[0]`},
		Fail:    []string{"aws_dynamodb_table.events"},
		Unknown: []string{"aws_dynamodb_table.cache"},
	})
}
