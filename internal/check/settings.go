package check

import "github.com/prodready/terraform-provider-readiness/internal/model"

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
}

// IsCritical reports whether the settings mark r critical.
func (s Settings) IsCritical(r *model.Resource) bool {
	return s.Critical != nil && r != nil && s.Critical(r)
}
