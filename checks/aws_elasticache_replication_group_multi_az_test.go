package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSElastiCacheReplicationGroupMultiAZ(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSElastiCacheReplicationGroupMultiAZ, "testdata/aws_elasticache/plan.json", checktest.Want{
		Pass:    []string{"aws_elasticache_replication_group.sessions"},
		Fail:    []string{"aws_elasticache_replication_group.queue", `module.cache["eu"].aws_elasticache_replication_group.this[0]`},
		Unknown: []string{"aws_elasticache_replication_group.leaderboard"},
	})
}
