package checks

import (
	"regexp"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Helpers of the Google Cloud checks.

var (
	gcpRegionPattern = regexp.MustCompile(`^[a-z]+-[a-z]+[0-9]+$`)
	gcpZonePattern   = regexp.MustCompile(`^[a-z]+-[a-z]+[0-9]+-[a-z]$`)
)

// sqlSetting is the path of an attribute under a Cloud SQL instance's
// settings block.
func sqlSetting(path ...model.Step) []model.Step {
	return append([]model.Step{"settings", 0}, path...)
}

// sqlSettle is settle for an attribute under a Cloud SQL instance's settings
// block. An instance whose configuration sets no settings (a clone) takes
// them from its source instance, which the plan does not show.
func sqlSettle(p *model.Plan, r *model.Resource, dflt any, path ...model.Step) (any, check.Evidence, string) {
	full := sqlSetting(path...)
	switch unset, assumed := unsetComputedBlock(r, "settings"); {
	case assumed:
		return nil, ev(p, r, full...), "settings is not in the configuration the plan records: the instance takes its settings " +
			"from the instance it clones, outside the plan, or from a dynamic block the plan does not show"
	case unset:
		return nil, ev(p, r, full...), "the instance takes its settings from the instance it clones, outside the plan"
	}
	return settle(p, r, dflt, full...)
}

// sqlReplica reports whether a Cloud SQL instance is a read replica, whose
// backups and recovery are the primary's business.
func sqlReplica(r *model.Resource) bool {
	s, ok := r.Attr("master_instance_name").Str()
	return ok && s != ""
}
