package checks

import "github.com/prodready/terraform-provider-readiness/internal/check"

// azureChecks is the registry of this domain: one line per check.
var azureChecks = []check.Check{
	AzureVMSSZones,
	AzureVMSSAutoscaling,
	AzureVMSSHealthProbe,
	AzureVMSSAutomaticRepair,
	AzureVMAvailability,
	AzureNSGOpenPorts,
	AzureAKSZones,
	AzureAKSAutoscaling,
	AzureMSSQLZoneRedundant,
	AzureMSSQLGeoBackup,
	AzureStorageAccountReplication,
	AzureStorageAccountSecureTransfer,
	AzureMetricAlertAction,
}
