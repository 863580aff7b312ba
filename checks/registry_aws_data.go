package checks

import "github.com/prodready/terraform-provider-readiness/internal/check"

// awsDataChecks is the registry of this domain: one line per check.
var awsDataChecks = []check.Check{
	AWSRDSMultiAZ,
}
