package checks

import "github.com/prodready/terraform-provider-readiness/internal/check"

// googleChecks is the registry of this domain: one line per check.
var googleChecks = []check.Check{
	GoogleSQLHighAvailability,
	GoogleSQLBackup,
	GoogleSQLPointInTimeRecovery,
	GoogleSQLDeletionProtection,
	GoogleSQLPublicAccess,
	GoogleSQLSSL,
	GoogleGKERegional,
	GoogleGKEDeletionProtection,
	GoogleGKELogging,
	GoogleGKEControlPlaneAccess,
	GoogleGKENodePoolAutoscaling,
	GoogleGKENodeAutoRepair,
	GoogleMIGRegional,
	GoogleMIGAutoHealing,
	GoogleMIGAutoscaling,
	GoogleStorageBucketVersioning,
	GoogleStorageBucketPublicAccess,
	GoogleMonitoringAlertNotification,
}
