package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSOpenSearchNodeToNodeEncryption(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSOpenSearchNodeToNodeEncryption, "testdata/aws_opensearch_security/plan.json", checktest.Want{
		Pass:    []string{"aws_opensearch_domain.secure", `module.search["logs"].aws_opensearch_domain.this[0]`},
		Fail:    []string{"aws_elasticsearch_domain.legacy", "aws_opensearch_domain.plain"},
		Unknown: []string{"aws_opensearch_domain.defaults"},
	})
}
