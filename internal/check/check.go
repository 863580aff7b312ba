// Package check defines what a readiness check is: its metadata, the logic
// that judges a resource or a whole plan, and the findings it returns.
package check

import (
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// DocsBase is where each check's documentation page lives; the page name is
// the check ID in lowercase.
const DocsBase = "https://github.com/prodready/terraform-provider-readiness/blob/main/docs/checks/"

// Meta is a check's stable description. IDs are forever: a renamed check
// keeps its old ID in Aliases.
type Meta struct {
	ID            string
	Aliases       []string
	Title         string
	Section       string // checklist part, see ../shared/CHECKLIST.md
	Category      string // checklist category word
	Severity      Severity
	Cloud         string // aws, google, azure, kubernetes or "" for any
	ResourceTypes []string
	Description   string // why it matters
	Remediation   string // how to fix
	Example       string // a Terraform snippet that passes
	// CrossRegion marks a check that asks for a copy or a presence in a
	// second region (replicas, replication, cross-region backup copies):
	// the staging and development profiles do not run it.
	CrossRegion bool
	// Transition marks a check that compares a resource's values before
	// the plan with its planned ones: it judges only what a plan changes,
	// never one set of values alone (the provider's functions) nor a
	// state or a directory.
	Transition bool
	// Evidence marks a check that shows a team's tooling or practice
	// exists (a response plan, a log shipper): it passes or is unknown,
	// never fails, and the team still attests the practice itself.
	Evidence bool
}

// DocsURL is the check's documentation page.
func (m Meta) DocsURL() string { return DocsBase + lower(m.ID) + ".md" }

// Check is one readiness check: metadata beside logic. Exactly one of
// Resource and Plan is set. Resource is called for every resource instance of
// one of ResourceTypes that will exist after apply; Plan is called once per
// input and returns findings for the whole plan or for any resources.
type Check struct {
	Meta
	Resource func(p *model.Plan, r *model.Resource) Finding
	Plan     func(p *model.Plan) []Finding
	// Configure, when set, returns the check as a team's settings adjust
	// it (the tag keys that name an owner, the resources tagged critical).
	// The engine calls it once per run through With.
	Configure func(Settings) Check
}

// With returns the check as the settings adjust it: itself when it reads
// none.
func (c Check) With(s Settings) Check {
	if c.Configure == nil {
		return c
	}
	return c.Configure(s)
}

// Evidence is one attribute and the value that decided a finding. Value is
// already redacted: "(sensitive)" where the plan marks it so.
type Evidence struct {
	Attribute string `json:"attribute"`
	Value     string `json:"value"`
	// Assumption, when set, says why Value is read as unset although the
	// plan cannot confirm it (a dynamic block that plan JSON leaves out may
	// set it). The engine never lets a pass rest on an assumption: such a
	// pass is reported unknown, and a failure says what it assumed.
	Assumption string `json:"-"`
}

// Finding is what a check's logic returns. Address is empty for a finding
// about the whole plan; Resource checks may leave it empty (the engine fills
// in the resource's address). A zero Status means "not applicable": the
// engine drops it.
type Finding struct {
	Address  string
	Status   Status
	Message  string
	Evidence []Evidence
	// Severity, when set, replaces the check's declared severity for this
	// finding: a check whose findings differ in weight (a public bucket is
	// critical, a bucket whose guard rail is off is not yet exposed) says
	// so here. A severity the team's configuration sets for the check
	// still wins, and the profile adjusts the result as it does any.
	Severity Severity
	// Err says that the check itself is wrong, not the resource: a team's
	// custom check whose condition cannot be evaluated (an attribute the
	// object does not have, a type error). The engine reports it once per
	// check and message as an error of the scan (Report.Invalid) and drops
	// the finding; the CLI then exits 1.
	Err error
}

// Skip is the finding of a check that does not apply to a resource.
var Skip = Finding{}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
