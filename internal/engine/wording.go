package engine

import (
	"regexp"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Checks speak of "the plan". A directory read without one is a
// configuration, and its findings say so: "nothing in the configuration
// enables versioning". Words that merely start with plan (planned) and
// other plans (a backup plan, a response plan) are left as they are.
var planWords = regexp.MustCompile(`\b([Tt]he|[Tt]his) plan\b`)

// inputWording rewrites a finding's text for the kind of input p is.
func inputWording(p *model.Plan, s string) string {
	if p.Kind != model.KindConfig {
		return s
	}
	return planWords.ReplaceAllString(s, "$1 configuration")
}
