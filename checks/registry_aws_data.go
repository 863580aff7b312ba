package checks

import "github.com/prodready/terraform-provider-readiness/internal/check"

// awsDataChecks is the registry of this domain: one line per check.
var awsDataChecks = []check.Check{
	AWSRDSMultiAZ,
	AWSRDSClusterMultiAZ,
	AWSRDSBackupRetention,
	AWSRDSDeletionProtection,
	AWSRDSStorageEncrypted,
	AWSRDSPublicAccess,
	AWSRDSLogExports,
	AWSRDSCrossRegionReplica,
	AWSDynamoDBPITR,
	AWSDynamoDBDeletionProtection,
	AWSDynamoDBAutoscaling,
	AWSDynamoDBReplicas,
	AWSElastiCacheReplicationGroupMultiAZ,
	AWSElastiCacheClusterMultiAZ,
	AWSElastiCacheSnapshots,
	AWSElastiCacheEncryptionAtRest,
	AWSElastiCacheEncryptionInTransit,
	AWSS3Versioning,
	AWSS3EncryptionAtRest,
	AWSS3PublicAccess,
	AWSS3Replication,
	AWSEFSMultiAZ,
	AWSEFSEncryptionAtRest,
	AWSEFSBackupPolicy,
	AWSEFSReplication,
	// Transitions: what the plan weakens, beside what it leaves.
	AWSBackupRetentionReduced,
	AWSPITRDisabled,
	AWSDeletionProtectionDisabled,
	AWSMultiAZRemoved,
}
