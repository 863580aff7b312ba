package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestInstancePreviousGeneration(t *testing.T) {
	t.Parallel()
	tests := map[string]checktest.Want{
		"instance_aws": {
			Pass: []string{
				"aws_instance.web", "aws_instance.tiny", "aws_instance.gpu_worker[0]", "aws_instance.gpu_worker[1]",
				"aws_instance.render", "aws_instance.cuda_on_cpu", "aws_instance.batch_cpu",
				`module.workers["green"].aws_launch_template.this`,
				"module.eks.aws_eks_node_group.general", `module.eks.aws_eks_node_group.gpu["l4"]`,
				`module.eks.aws_eks_node_group.gpu["t4"]`, "aws_eks_node_group.gpu", "aws_eks_node_group.gpu_plain_ami",
				"aws_eks_node_group.neuron", "aws_eks_node_group.cpu_with_gpu_ami", "aws_eks_node_group.custom",
				"aws_eks_node_group.pending_ami", "aws_eks_node_group.spot[0]",
				"aws_db_instance.main", "aws_db_instance.small", "aws_rds_cluster_instance.aurora[0]",
				"aws_rds_cluster_instance.aurora[1]", "aws_elasticache_replication_group.sessions",
				"aws_elasticache_cluster.memcached", "aws_opensearch_domain.logs", "module.queue.aws_mq_broker.this",
			},
			Fail: []string{
				"aws_instance.legacy", `module.workers["blue"].aws_launch_template.this`, "aws_launch_configuration.old",
				"aws_db_instance.old", "aws_elasticsearch_domain.legacy",
			},
			Unknown: []string{"aws_instance.chosen", "aws_instance.exotic", "aws_instance.gpu_pending", "aws_db_instance.pending"},
		},
		"instance_google": {
			Pass: []string{
				"google_compute_instance.app", "google_compute_instance.micro", "google_compute_instance.bad_gpu",
				"google_compute_instance.a2", `module.vm["api"].google_compute_instance.this`,
				"google_compute_instance_template.web", "google_container_cluster.kept", "google_container_node_pool.primary",
				"google_container_node_pool.preemptible[0]", "google_container_node_pool.l4",
				"google_sql_database_instance.main", "google_sql_database_instance.tiny", "google_sql_database_instance.shared",
				`module.sql["reporting"].google_sql_database_instance.this`, `module.sql["archive"].google_sql_database_instance.this`,
			},
			Fail: []string{
				"google_compute_instance.legacy", "google_compute_instance.gpu", `module.vm["tools"].google_compute_instance.this`,
				"google_container_node_pool.gpu",
			},
			Unknown: []string{
				"google_compute_instance.pending", "google_container_node_pool.pending", "google_sql_database_instance.pending",
			},
		},
		"instance_azure": {
			Pass: []string{
				"azurerm_linux_virtual_machine.app", "azurerm_linux_virtual_machine.cuda", "azurerm_windows_virtual_machine.tiny",
				`module.compute["api"].azurerm_linux_virtual_machine.this[0]`, "azurerm_linux_virtual_machine_scale_set.web",
				"azurerm_windows_virtual_machine_scale_set.gpu", "azurerm_virtual_machine.render", "azurerm_kubernetes_cluster.aks",
				"azurerm_kubernetes_cluster_node_pool.gpu", "azurerm_kubernetes_cluster_node_pool.spot",
				"azurerm_kubernetes_cluster_node_pool.batch", "azurerm_postgresql_flexible_server.db", "azurerm_mysql_flexible_server.db",
			},
			Fail: []string{
				"azurerm_linux_virtual_machine.old", `module.compute["batch"].azurerm_linux_virtual_machine.this[0]`,
				"azurerm_virtual_machine.legacy",
			},
			Unknown: []string{"azurerm_linux_virtual_machine.unlisted", "azurerm_linux_virtual_machine.pending"},
		},
	}
	for dir, want := range tests {
		t.Run(dir, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, InstancePreviousGeneration, "testdata/"+dir+"/plan.json", want)
		})
	}
}
