package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSElastiCacheEncryptionInTransit(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSElastiCacheEncryptionInTransit, "testdata/aws_elasticache/plan.json", checktest.Want{
		Pass:    []string{"aws_elasticache_cluster.memcached", "aws_elasticache_replication_group.leaderboard", "aws_elasticache_replication_group.sessions"},
		Fail:    []string{"aws_elasticache_cluster.redis_single", "aws_elasticache_replication_group.queue"},
		Unknown: []string{"aws_elasticache_cluster.pool", "aws_elasticache_cluster.sidecar", `module.cache["eu"].aws_elasticache_replication_group.this[0]`},
	})
}
