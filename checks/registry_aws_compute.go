package checks

import "github.com/prodready/terraform-provider-readiness/internal/check"

// awsComputeChecks is the registry of this domain: one line per check.
var awsComputeChecks = []check.Check{}
