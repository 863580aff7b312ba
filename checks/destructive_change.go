package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// statefulTypes are the resources whose destruction destroys data, with
// what goes with them. Aurora cluster instances are left out (the cluster
// holds the storage), and so are StatefulSets (their claims are retained).
var statefulTypes = map[string]string{
	// AWS databases and caches
	"aws_db_instance":                     "an RDS instance: its databases go with it",
	"aws_rds_cluster":                     "an Aurora cluster: its storage goes with it",
	"aws_docdb_cluster":                   "a DocumentDB cluster: its data goes with it",
	"aws_docdbelastic_cluster":            "a DocumentDB elastic cluster: its data goes with it",
	"aws_neptune_cluster":                 "a Neptune cluster: its graph goes with it",
	"aws_redshift_cluster":                "a Redshift cluster: its warehouse goes with it",
	"aws_redshiftserverless_namespace":    "a Redshift Serverless namespace: its data goes with it",
	"aws_dynamodb_table":                  "a DynamoDB table: its items go with it",
	"aws_keyspaces_table":                 "a Keyspaces table: its rows go with it",
	"aws_timestreamwrite_table":           "a Timestream table: its records go with it",
	"aws_qldb_ledger":                     "a QLDB ledger: its journal goes with it",
	"aws_elasticache_replication_group":   "an ElastiCache replication group: its cached data goes with it",
	"aws_elasticache_cluster":             "an ElastiCache cluster: its cached data goes with it",
	"aws_memorydb_cluster":                "a MemoryDB cluster: its data goes with it",
	"aws_opensearch_domain":               "an OpenSearch domain: its indices go with it",
	"aws_elasticsearch_domain":            "an Elasticsearch domain: its indices go with it",
	"aws_opensearchserverless_collection": "an OpenSearch Serverless collection: its indices go with it",
	// AWS storage
	"aws_s3_bucket":               "an S3 bucket: its objects go with it",
	"aws_ebs_volume":              "an EBS volume: its blocks go with it",
	"aws_ebs_snapshot":            "an EBS snapshot: a backup goes with it",
	"aws_db_snapshot":             "an RDS snapshot: a backup goes with it",
	"aws_db_cluster_snapshot":     "an Aurora snapshot: a backup goes with it",
	"aws_efs_file_system":         "an EFS file system: its files go with it",
	"aws_fsx_lustre_file_system":  "an FSx for Lustre file system: its files go with it",
	"aws_fsx_windows_file_system": "an FSx for Windows file system: its files go with it",
	"aws_fsx_ontap_file_system":   "an FSx for ONTAP file system: its volumes go with it",
	"aws_fsx_ontap_volume":        "an FSx for ONTAP volume: its files go with it",
	"aws_fsx_openzfs_file_system": "an FSx for OpenZFS file system: its files go with it",
	"aws_fsx_openzfs_volume":      "an FSx for OpenZFS volume: its files go with it",
	"aws_backup_vault":            "a Backup vault: its recovery points go with it",
	"aws_glacier_vault":           "a Glacier vault: its archives go with it",
	"aws_kinesis_stream":          "a Kinesis stream: its unread records go with it",
	"aws_msk_cluster":             "an MSK cluster: its topics go with it",
	"aws_sqs_queue":               "an SQS queue: its messages go with it",
	"aws_kms_key":                 "a KMS key: once deleted, everything encrypted with it is unreadable",
	"aws_secretsmanager_secret":   "a Secrets Manager secret: its value goes with it",
	"aws_cognito_user_pool":       "a Cognito user pool: its users and their passwords go with it",
	// Google Cloud
	"google_sql_database_instance": "a Cloud SQL instance: its databases and backups go with it",
	"google_sql_database":          "a Cloud SQL database: its tables go with it",
	"google_alloydb_cluster":       "an AlloyDB cluster: its data goes with it",
	"google_storage_bucket":        "a Cloud Storage bucket: its objects go with it",
	"google_compute_disk":          "a persistent disk: its blocks go with it",
	"google_compute_region_disk":   "a regional persistent disk: its blocks go with it",
	"google_compute_snapshot":      "a disk snapshot: a backup goes with it",
	"google_bigtable_instance":     "a Bigtable instance: its tables go with it",
	"google_bigtable_table":        "a Bigtable table: its rows go with it",
	"google_spanner_instance":      "a Spanner instance: its databases go with it",
	"google_spanner_database":      "a Spanner database: its tables go with it",
	"google_bigquery_dataset":      "a BigQuery dataset: its tables go with it",
	"google_bigquery_table":        "a BigQuery table: its rows go with it",
	"google_firestore_database":    "a Firestore database: its documents go with it",
	"google_redis_instance":        "a Memorystore instance: its data goes with it",
	"google_filestore_instance":    "a Filestore instance: its files go with it",
	"google_kms_crypto_key":        "a Cloud KMS key: its versions are destroyed, and data encrypted with them is unreadable",
	// Azure
	"azurerm_resource_group":             "a resource group: every resource in it goes with it",
	"azurerm_mssql_server":               "an Azure SQL server: its databases go with it",
	"azurerm_mssql_database":             "an Azure SQL database: its tables go with it",
	"azurerm_postgresql_server":          "a PostgreSQL server: its databases go with it",
	"azurerm_postgresql_flexible_server": "a PostgreSQL flexible server: its databases go with it",
	"azurerm_mysql_server":               "a MySQL server: its databases go with it",
	"azurerm_mysql_flexible_server":      "a MySQL flexible server: its databases go with it",
	"azurerm_cosmosdb_account":           "a Cosmos DB account: its databases go with it",
	"azurerm_storage_account":            "a storage account: its blobs, files, queues and tables go with it",
	"azurerm_storage_container":          "a storage container: its blobs go with it",
	"azurerm_storage_share":              "a file share: its files go with it",
	"azurerm_managed_disk":               "a managed disk: its blocks go with it",
	"azurerm_redis_cache":                "an Azure Cache for Redis: its data goes with it",
	"azurerm_key_vault":                  "a key vault: its keys, secrets and certificates go with it",
	"azurerm_key_vault_key":              "a key vault key: data encrypted with it becomes unreadable",
	// Kubernetes
	"kubernetes_persistent_volume_claim":    "a PersistentVolumeClaim: its volume is usually deleted with it",
	"kubernetes_persistent_volume_claim_v1": "a PersistentVolumeClaim: its volume is usually deleted with it",
	"kubernetes_namespace":                  "a namespace: every object in it, PersistentVolumeClaims included, goes with it",
	"kubernetes_namespace_v1":               "a namespace: every object in it, PersistentVolumeClaims included, goes with it",
}

// DestructiveChange stops plans that delete or replace a stateful resource.
var DestructiveChange = check.Check{
	Meta: check.Meta{
		ID:            "destructive_change",
		Title:         "Plan does not destroy stateful resources",
		Section:       "disaster_recovery",
		Category:      "destructive_change",
		Severity:      check.SeverityCritical,
		ResourceTypes: mapKeys(statefulTypes),
		Description: "Deleting a database, table, bucket, volume, file system, cache, queue or key destroys the " +
			"data in it, and a replacement (a change to an attribute that cannot be updated in place, such as " +
			"an identifier or an engine) destroys it just the same: the new resource starts empty. Such a plan " +
			"is always worth a stop and a second look. Each destroyed resource instance is reported, " +
			"deposed objects included; destroying a resource that holds no data passes.",
		Remediation: "Check that the deletion or replacement is intended and that the data is backed up or " +
			"moved. If it is not intended, restore the configuration, use a moved block for a rename, or " +
			"revert the attribute that forces replacement; add lifecycle { prevent_destroy = true } to " +
			"stateful resources so that a plan cannot destroy them by accident.",
		Example: `resource "aws_db_instance" "orders" {
  identifier = "orders"
  # ...
  lifecycle {
    prevent_destroy = true
  }
}`,
	},
	Plan: func(p *model.Plan) []check.Finding {
		var out []check.Finding
		for _, r := range p.Resources {
			if !r.Managed() || !r.Destroyed() {
				continue
			}
			what := "deletes"
			switch {
			case r.Actions.DestroyBeforeCreate():
				what = "replaces (deletes, then creates)"
			case r.Actions.CreateBeforeDestroy():
				what = "replaces (creates, then deletes)"
			}
			name := "the resource"
			if r.DeposedKey != "" {
				name = fmt.Sprintf("the resource's deposed object %s", r.DeposedKey)
			}
			e := evText("actions", "%s", model.Render(actionList(r)))
			var f check.Finding
			if data, ok := statefulTypes[r.Type]; ok {
				f = fail(fmt.Sprintf("the plan %s %s, %s", what, name, data), e)
			} else {
				f = pass(fmt.Sprintf("the plan %s %s, which is not a data store", what, name), e)
			}
			f.Address = r.Address
			out = append(out, f)
		}
		if len(out) == 0 && p.Kind == model.KindPlan {
			out = append(out, pass("the plan destroys nothing", evText("actions", "no delete or replace")))
		}
		return out
	},
}

func actionList(r *model.Resource) []any {
	out := make([]any, 0, len(r.Actions))
	for _, a := range r.Actions {
		out = append(out, string(a))
	}
	return out
}
