package checks

import (
	"encoding/json"

	"github.com/prodready/terraform-provider-readiness/internal/alerting"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Helpers of the plan-level and AWS observability checks. What alert rules
// exist, what they watch and where they route is internal/alerting's; here
// are the resources worth watching, owning and replicating, and SQS's
// dead-letter queues.

// workloadTypes are the compute and data resources a team watches, pages
// about and replicates: what a dashboard, an owner tag and a second region
// are for. Queues, streams and network plumbing are left out.
var workloadTypes = typeSet(
	// AWS data
	"aws_db_instance", "aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster", "aws_redshift_cluster",
	"aws_dynamodb_table", "aws_elasticache_replication_group", "aws_elasticache_cluster", "aws_memorydb_cluster",
	"aws_opensearch_domain", "aws_elasticsearch_domain", "aws_msk_cluster", "aws_efs_file_system",
	// AWS compute
	"aws_instance", "aws_autoscaling_group", "aws_ecs_service", "aws_eks_cluster", "aws_eks_node_group",
	"aws_lambda_function", "aws_lb", "aws_alb", "aws_elb", "aws_apprunner_service", "aws_elastic_beanstalk_environment",
	// Google Cloud
	"google_sql_database_instance", "google_alloydb_cluster", "google_spanner_instance", "google_bigtable_instance",
	"google_redis_instance", "google_filestore_instance", "google_container_cluster", "google_container_node_pool",
	"google_compute_instance", "google_compute_instance_group_manager", "google_compute_region_instance_group_manager",
	"google_cloud_run_service", "google_cloud_run_v2_service", "google_cloudfunctions_function", "google_cloudfunctions2_function",
	// Azure
	"azurerm_mssql_database", "azurerm_postgresql_flexible_server", "azurerm_mysql_flexible_server",
	"azurerm_cosmosdb_account", "azurerm_redis_cache", "azurerm_kubernetes_cluster",
	"azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine", "azurerm_virtual_machine",
	"azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set",
	"azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_function_app", "azurerm_windows_function_app",
	"azurerm_container_app",
	// Kubernetes
	"kubernetes_deployment", "kubernetes_deployment_v1", "kubernetes_stateful_set", "kubernetes_stateful_set_v1",
)

// alarmWatch is what the plan says of the alert rules on one resource, by
// the resources that hold them.
type alarmWatch struct {
	Watching, Undecided []*model.Resource
}

// alarmIndex asks the plan's alerting model about resources.
type alarmIndex struct{ m *alerting.Model }

// alarmIndexOf returns the plan's alerting model, built once.
func alarmIndexOf(p *model.Plan) alarmIndex { return alarmIndex{alerting.Of(p)} }

// watching finds the resources holding the alert rules that watch r, and
// those that may.
func (x alarmIndex) watching(r *model.Resource) alarmWatch {
	w := x.m.Watching(r)
	return alarmWatch{Watching: alerting.Resources(w.Watching), Undecided: alerting.Resources(w.Undecided)}
}

type dlqIndexKey struct{}

// dlqIndex holds the plan's dead-letter queues: those a redrive_policy
// refers to, and the known ARNs redrive policies name.
type dlqIndex struct {
	byRef map[*model.Resource]bool
	byARN map[string]bool
}

// isDeadLetterQueue reports whether an SQS queue receives another queue's
// failed messages: a queue or redrive policy refers to it from its
// redrive_policy, or a known redrive_policy names its ARN as
// deadLetterTargetArn. The plan's redrive policies are read once.
func isDeadLetterQueue(p *model.Plan, q *model.Resource) bool {
	x := p.Memo(dlqIndexKey{}, func() any {
		x := &dlqIndex{byRef: map[*model.Resource]bool{}, byARN: map[string]bool{}}
		for _, s := range p.OfType("aws_sqs_queue", "aws_sqs_queue_redrive_policy") {
			for _, t := range p.Refs(s, "redrive_policy") {
				if t.Type == "aws_sqs_queue" && t != s {
					x.byRef[t] = true
				}
			}
			var rp struct{ DeadLetterTargetArn string }
			if doc, ok := s.Attr("redrive_policy").Str(); ok && json.Unmarshal([]byte(doc), &rp) == nil && rp.DeadLetterTargetArn != "" {
				x.byARN[rp.DeadLetterTargetArn] = true
			}
		}
		return x
	}).(*dlqIndex)
	if x.byRef[q] {
		return true
	}
	arn, ok := q.Attr("arn").Str()
	return ok && arn != "" && x.byARN[arn]
}
