package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestOwnerTag(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"resource tags": {
			fixture: "testdata/aws_alarms/plan.json",
			want: checktest.Want{
				Pass: []string{
					"aws_db_instance.orders",    // team
					"aws_rds_cluster.analytics", // Owner
					"aws_lambda_function.api",   // owner_email
					"aws_sqs_queue.jobs", "aws_sqs_queue.jobs_dlq",
				},
				Fail: []string{
					`module.db["blue"].aws_db_instance.this[0]`, `module.db["green"].aws_db_instance.this[0]`,
					"aws_lambda_function.worker",
					"aws_autoscaling_group.web", // tag blocks without owner
				},
				Unknown: []string{"aws_dynamodb_table.sessions"}, // tags_all known after apply
			},
		},
		"provider default_tags": {
			fixture: "testdata/aws_logging/plan.json",
			want: checktest.Want{Pass: []string{
				"aws_dynamodb_table.global", "aws_lambda_function.api", "aws_lambda_function.edge",
				"aws_lambda_function.worker", `module.fn["thumbs"].aws_lambda_function.this[0]`,
			}},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, OwnerTag, tc.fixture, tc.want)
		})
	}
}
