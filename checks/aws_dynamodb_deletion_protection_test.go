package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSDynamoDBDeletionProtection(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSDynamoDBDeletionProtection, "testdata/aws_dynamodb/plan.json", checktest.Want{
		Pass:    []string{"aws_dynamodb_table.orders", `module.tenant["acme"].aws_dynamodb_table.this[0]`},
		Fail:    []string{"aws_dynamodb_table.cache", "aws_dynamodb_table.events", "aws_dynamodb_table.sessions"},
		Unknown: []string{"aws_dynamodb_table.audit"},
	})
}
