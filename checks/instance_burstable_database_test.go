package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestInstanceBurstableDatabase(t *testing.T) {
	t.Parallel()
	tests := map[string]checktest.Want{
		"instance_aws": {
			Pass: []string{
				"aws_db_instance.main", "aws_db_instance.old", "aws_rds_cluster_instance.aurora[0]",
				"aws_elasticache_cluster.memcached", "aws_opensearch_domain.logs",
			},
			Fail: []string{
				"aws_db_instance.small", "aws_rds_cluster_instance.aurora[1]", "aws_elasticache_replication_group.sessions",
				"aws_elasticsearch_domain.legacy", "module.queue.aws_mq_broker.this",
			},
			Unknown: []string{"aws_db_instance.pending"},
		},
		"instance_google": {
			Pass: []string{
				"google_sql_database_instance.main", `module.sql["reporting"].google_sql_database_instance.this`,
				`module.sql["archive"].google_sql_database_instance.this`,
			},
			Fail:    []string{"google_sql_database_instance.tiny", "google_sql_database_instance.shared"},
			Unknown: []string{"google_sql_database_instance.pending"},
		},
		"instance_azure": {
			Pass: []string{"azurerm_mysql_flexible_server.db"},
			Fail: []string{"azurerm_postgresql_flexible_server.db"},
		},
	}
	for dir, want := range tests {
		t.Run(dir, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, InstanceBurstableDatabase, "testdata/"+dir+"/plan.json", want)
		})
	}
}
