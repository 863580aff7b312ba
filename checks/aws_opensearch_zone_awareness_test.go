package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSOpenSearchZoneAwareness(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSOpenSearchZoneAwareness, "testdata/aws_opensearch/plan.json", checktest.Want{
		Pass: []string{"aws_opensearch_domain.logs", "aws_opensearch_domain.standby", "module.search.aws_opensearch_domain.this"},
		Fail: []string{
			"aws_opensearch_domain.search",       // zone awareness off
			"aws_opensearch_domain.tiny",         // cluster_config unset: one node
			"aws_elasticsearch_domain.legacy[0]", // zone awareness with a single node
		},
		Unknown: []string{"aws_opensearch_domain.dynamic"},
	})
}
