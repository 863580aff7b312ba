package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSElastiCacheClusterMultiAZ(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSElastiCacheClusterMultiAZ, "testdata/aws_elasticache/plan.json", checktest.Want{
		Pass:    []string{"aws_elasticache_cluster.memcached"},
		Fail:    []string{"aws_elasticache_cluster.redis_single", "aws_elasticache_cluster.sidecar"},
		Unknown: []string{"aws_elasticache_cluster.pool"},
	})
}
