package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSElastiCacheEncryptionAtRest(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSElastiCacheEncryptionAtRest, "testdata/aws_elasticache/plan.json", checktest.Want{
		Pass:    []string{"aws_elasticache_replication_group.leaderboard", "aws_elasticache_replication_group.sessions"},
		Fail:    []string{"aws_elasticache_replication_group.queue"},
		Unknown: []string{`module.cache["eu"].aws_elasticache_replication_group.this[0]`},
	})
}
