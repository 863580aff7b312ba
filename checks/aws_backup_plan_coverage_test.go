package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSBackupPlanCoverage(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSBackupPlanCoverage, "testdata/aws_backup/plan.json", checktest.Want{
		Pass: []string{
			"aws_dynamodb_table.carts",                   // resources refers to it
			"aws_dynamodb_table.events",                  // ARN pattern, condition holds
			`module.store["eu"].aws_db_instance.this[0]`, // selection_tag
		},
		Fail: []string{
			"aws_dynamodb_table.sessions", // the condition excludes it
			"aws_s3_bucket.assets",        // nothing selects it
			"aws_s3_bucket.dr_copy",       // tagged, but in another region than the selection
		},
		Unknown: []string{
			"aws_efs_file_system.shared", // its Backup tag is known only after apply
			// resources refers to it, but its selection's condition is known
			// only after apply and missing from the plan's configuration:
			// a dynamic condition block could exclude it.
			"aws_db_instance.orders",
		},
	})
}
