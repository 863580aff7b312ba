package check

import (
	"time"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Settings are what a team's configuration (.readiness.hcl) tells the
// checks that read it. The zero value is the catalogue's defaults.
type Settings struct {
	// OwnerTags are the tag and label keys that name a resource's owner,
	// as the configuration's owner_tags lists them; empty: the owner_tag
	// check's default list.
	OwnerTags []string
	// Critical reports whether a resource's tier tag marks it critical;
	// nil: no resource is.
	Critical func(*model.Resource) bool
	// Recovery returns the recovery objectives a resource must meet, from
	// the configuration's objective blocks and the resource's own
	// readiness:rpo and readiness:rto tags; nil: the scan has no
	// configuration, and the recovery objective checks judge nothing.
	Recovery func(*model.Resource) Objectives
	// DeclaresObjectives reports that the configuration file declares at
	// least one objective block: every data store then needs objectives.
	DeclaresObjectives bool
}

// IsCritical reports whether the settings mark r critical.
func (s Settings) IsCritical(r *model.Resource) bool {
	return s.Critical != nil && r != nil && s.Critical(r)
}

// Objectives are a resource's recovery point (RPO) and recovery time (RTO)
// objectives, and who declared each.
type Objectives struct {
	RPO, RTO       time.Duration
	HasRPO, HasRTO bool
	// RPOFrom and RTOFrom say where each was declared: an objective block
	// and its file and line, or a tag.
	RPOFrom, RTOFrom string
	// Problem is a malformed objective tag, e.g. "tag readiness:rpo:
	// invalid duration ..."; "" when none.
	Problem string
}

// ObjectivesOf returns r's recovery objectives, and false when the scan
// has no configuration to read them from.
func (s Settings) ObjectivesOf(r *model.Resource) (Objectives, bool) {
	if s.Recovery == nil || r == nil {
		return Objectives{}, false
	}
	return s.Recovery(r), true
}
