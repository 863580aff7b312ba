package checks

import "github.com/prodready/terraform-provider-readiness/internal/check"

// awsSecurityChecks is the registry of this domain: one line per check.
var awsSecurityChecks = []check.Check{
	AWSIAMPolicyWildcard,
	AWSIAMAdminPolicyAttachment,
	AWSIAMRolePublicTrust,
	AWSIAMUserDirectPolicy,
	AWSS3TLSOnly,
	AWSOpenSearchHTTPS,
	AWSOpenSearchNodeToNodeEncryption,
	AWSOpenSearchEncryptionAtRest,
	AWSSQSEncryptionAtRest,
	AWSSNSEncryptionAtRest,
	AWSKinesisStreamEncryption,
	AWSLogGroupKMSKey,
	AWSRedshiftEncryptionAtRest,
}
