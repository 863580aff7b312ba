package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSRDSMultiAZ(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSRDSMultiAZ, "testdata/aws_rds/plan.json", checktest.Want{
		Pass:    []string{"aws_db_instance.primary", `module.db["green"].aws_db_instance.this[0]`},
		Fail:    []string{"aws_db_instance.single"},
		Unknown: []string{`module.db["blue"].aws_db_instance.this[0]`},
	})
}
