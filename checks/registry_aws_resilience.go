package checks

import "github.com/prodready/terraform-provider-readiness/internal/check"

// awsResilienceChecks is the registry of this domain (disaster recovery,
// multi-region, health checks, tracing and application alarms): one line
// per check.
var awsResilienceChecks = []check.Check{
	AWSBackupPlanCoverage,
	AWSBackupPlanFrequency,
	AWSBackupPlanRetention,
	AWSBackupPlanCrossRegionCopy,
	AWSEBSVolumeBackup,
	AWSRoute53RoutingHealthCheck,
	AWSRoute53HealthCheckEffective,
	AWSGlobalClusterRegions,
	AWSECSTaskTracing,
	AWSLB5xxAlarm,
	AWSSQSDLQDepthAlarm,
	RecoveryObjectivesDeclared,
	RecoveryObjectivesRPO,
	RecoveryObjectivesRTO,
	RecoveryObjectivesBackupPlan,
}
