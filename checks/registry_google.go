package checks

import "github.com/prodready/terraform-provider-readiness/internal/check"

// googleChecks is the registry of this domain: one line per check.
var googleChecks = []check.Check{}
