package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// GoogleStorageBucketVersioning requires Cloud Storage buckets to keep
// overwritten and deleted objects.
var GoogleStorageBucketVersioning = check.Check{
	Meta: check.Meta{
		ID:            "google_storage_bucket_versioning",
		Title:         "Cloud Storage bucket keeps object versions",
		Section:       "disaster_recovery",
		Category:      "backup",
		Severity:      check.SeverityMedium,
		Cloud:         "google",
		ResourceTypes: []string{"google_storage_bucket"},
		Description: "Without object versioning an overwrite or a delete (by a bug, a script or an attacker) " +
			"loses the object for good once the soft-delete window passes. Versioning keeps noncurrent versions, " +
			"which lifecycle rules can expire after a retention period.",
		Remediation: "Add versioning { enabled = true } and a lifecycle_rule that deletes noncurrent versions " +
			"after the retention you need.",
		Example: `resource "google_storage_bucket" "data" {
  name     = "orders-data"
  location = "EU"
  versioning {
    enabled = true
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		v, e, why := settle(p, r, false, "versioning", 0, "enabled")
		if why != "" {
			return unknown(why, e)
		}
		if on, _ := boolOf(v); on {
			return pass("overwritten and deleted objects are kept as noncurrent versions", e)
		}
		return fail("an overwrite or a delete loses the object's previous content", e)
	},
}
