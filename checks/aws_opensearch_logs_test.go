package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSOpenSearchLogs(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSOpenSearchLogs, "testdata/aws_opensearch/plan.json", checktest.Want{
		Pass: []string{"aws_opensearch_domain.logs", "aws_opensearch_domain.standby", "module.search.aws_opensearch_domain.this"},
		Fail: []string{
			"aws_opensearch_domain.search",       // slow logs only
			"aws_opensearch_domain.tiny",         // none
			"aws_elasticsearch_domain.legacy[0]", // error logs disabled
		},
		Unknown: []string{"aws_opensearch_domain.dynamic"},
	})
}
