package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSElastiCacheSnapshots(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSElastiCacheSnapshots, "testdata/aws_elasticache/plan.json", checktest.Want{
		Pass:    []string{"aws_elasticache_cluster.redis_single", "aws_elasticache_replication_group.sessions", `module.cache["eu"].aws_elasticache_replication_group.this[0]`},
		Fail:    []string{"aws_elasticache_replication_group.queue"},
		Unknown: []string{"aws_elasticache_replication_group.leaderboard"},
	})
}
