package hclconfig

// Code generated from ../shared/fixtures/schemas (the AWS provider's schemas
// 3.76.1, 4.67.0, 5.100.0 and 6.47.0, pruned to the types this project
// judges), and held to them by TestAWSTaggableTypesAreCurrent.

// awsTagsAll are the AWS resource types whose schema, in some provider
// version, has tags_all: the provider's default_tags merge into it.
var awsTagsAll = map[string]bool{
	"aws_alb": true, "aws_alb_listener": true, "aws_alb_listener_rule": true, "aws_alb_target_group": true,
	"aws_api_gateway_stage": true, "aws_apigatewayv2_stage": true, "aws_appautoscaling_target": true,
	"aws_appconfig_deployment_strategy": true, "aws_apprunner_service": true, "aws_backup_plan": true,
	"aws_backup_vault": true, "aws_cloudformation_stack": true, "aws_cloudfront_distribution": true,
	"aws_cloudtrail": true, "aws_cloudwatch_log_delivery_source": true, "aws_cloudwatch_log_group": true,
	"aws_cloudwatch_metric_alarm": true, "aws_codedeploy_app": true, "aws_codedeploy_deployment_group": true,
	"aws_cognito_user_pool": true, "aws_db_cluster_snapshot": true, "aws_db_instance": true,
	"aws_db_snapshot": true, "aws_default_security_group": true, "aws_dlm_lifecycle_policy": true,
	"aws_docdb_cluster": true, "aws_docdb_cluster_instance": true, "aws_docdbelastic_cluster": true,
	"aws_dynamodb_table": true, "aws_dynamodb_table_replica": true, "aws_ebs_snapshot": true,
	"aws_ebs_volume": true, "aws_ecr_repository": true, "aws_ecs_cluster": true, "aws_ecs_service": true,
	"aws_ecs_task_definition": true, "aws_efs_file_system": true, "aws_eks_cluster": true,
	"aws_eks_node_group": true, "aws_elastic_beanstalk_environment": true, "aws_elasticache_cluster": true,
	"aws_elasticache_replication_group": true, "aws_elasticsearch_domain": true, "aws_elb": true,
	"aws_fis_experiment_template": true, "aws_flow_log": true, "aws_fsx_lustre_file_system": true,
	"aws_fsx_ontap_file_system": true, "aws_fsx_ontap_volume": true, "aws_fsx_openzfs_file_system": true,
	"aws_fsx_openzfs_volume": true, "aws_fsx_windows_file_system": true, "aws_glacier_vault": true,
	"aws_globalaccelerator_accelerator": true, "aws_guardduty_detector": true, "aws_iam_policy": true,
	"aws_iam_role": true, "aws_iam_user": true, "aws_instance": true, "aws_keyspaces_table": true,
	"aws_kinesis_stream": true, "aws_kms_key": true, "aws_lambda_function": true, "aws_launch_template": true,
	"aws_lb": true, "aws_lb_listener": true, "aws_lb_target_group": true, "aws_memorydb_cluster": true,
	"aws_mq_broker": true, "aws_msk_cluster": true, "aws_nat_gateway": true, "aws_neptune_cluster": true,
	"aws_neptune_cluster_instance": true, "aws_opensearch_domain": true,
	"aws_opensearchserverless_collection": true, "aws_qldb_ledger": true, "aws_rds_cluster": true,
	"aws_rds_cluster_instance": true, "aws_rds_global_cluster": true, "aws_redshift_cluster": true,
	"aws_redshiftserverless_namespace": true, "aws_route53_health_check": true, "aws_route_table": true,
	"aws_s3_bucket": true, "aws_secretsmanager_secret": true, "aws_security_group": true, "aws_sns_topic": true,
	"aws_sqs_queue": true, "aws_ssm_parameter": true, "aws_ssmcontacts_rotation": true,
	"aws_ssmincidents_response_plan": true, "aws_subnet": true, "aws_timestreamwrite_table": true,
	"aws_vpc": true, "aws_vpc_security_group_ingress_rule": true,
}

// awsUntagged are the AWS resource types whose schema has no tags_all in
// any of those versions: default_tags never apply to them.
var awsUntagged = map[string]bool{
	"aws_appautoscaling_policy": true, "aws_autoscaling_attachment": true, "aws_autoscaling_group": true,
	"aws_autoscaling_policy": true, "aws_autoscaling_schedule": true, "aws_backup_selection": true,
	"aws_cloudwatch_dashboard": true, "aws_codedeploy_deployment_config": true,
	"aws_config_configuration_recorder": true, "aws_db_instance_automated_backups_replication": true,
	"aws_docdb_global_cluster": true, "aws_ebs_encryption_by_default": true,
	"aws_ecr_registry_scanning_configuration": true, "aws_efs_backup_policy": true,
	"aws_efs_replication_configuration": true, "aws_iam_group": true, "aws_iam_group_policy": true,
	"aws_iam_group_policy_attachment": true, "aws_iam_policy_attachment": true, "aws_iam_role_policy": true,
	"aws_iam_role_policy_attachment": true, "aws_iam_user_group_membership": true, "aws_iam_user_policy": true,
	"aws_iam_user_policy_attachment": true, "aws_inspector2_enabler": true, "aws_lambda_alias": true,
	"aws_launch_configuration": true, "aws_neptune_global_cluster": true, "aws_route": true,
	"aws_route53_record": true, "aws_route_table_association": true, "aws_s3_bucket_acl": true,
	"aws_s3_bucket_policy": true, "aws_s3_bucket_public_access_block": true,
	"aws_s3_bucket_replication_configuration": true, "aws_s3_bucket_server_side_encryption_configuration": true,
	"aws_s3_bucket_versioning": true, "aws_security_group_rule": true, "aws_securityhub_account": true,
	"aws_sns_topic_subscription": true, "aws_volume_attachment": true,
}
