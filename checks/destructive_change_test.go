package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestDestructiveChange(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"deletes, replaces and a deposed object": {
			fixture: "testdata/plan_destructive/plan.json",
			want: checktest.Want{
				Fail: []string{
					"aws_db_instance.orders", // replaced, delete then create
					"aws_s3_bucket.assets",   // deleted
					`module.cache["eu"].aws_elasticache_replication_group.this[0]`, // replaced, create then delete
					"aws_dynamodb_table.sessions",                                  // deposed object destroyed
				},
				Pass: []string{
					"aws_security_group.old", "aws_iam_role.legacy", "aws_instance.web",
					"aws_rds_cluster_instance.reader[1]", // Aurora instances hold no storage
				},
			},
		},
		"a DocumentDB elastic cluster deleted (the provider's type is aws_docdbelastic_cluster)": {
			fixture: "testdata/plan_destructive/docdbelastic/plan.json",
			want:    checktest.Want{Fail: []string{"aws_docdbelastic_cluster.catalog"}},
		},
		"nothing destroyed": {
			fixture: "testdata/plan_destructive/nothing/plan.json",
			want:    checktest.Want{Pass: []string{""}},
		},
		"deleted alarm and database": {
			fixture: "testdata/aws_alarms/plan.json",
			want: checktest.Want{
				Fail: []string{"aws_db_instance.legacy"},
				Pass: []string{"aws_cloudwatch_metric_alarm.legacy_cpu"},
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, DestructiveChange, tc.fixture, tc.want)
		})
	}
}
