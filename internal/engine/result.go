// Package engine runs the registered checks over parsed inputs and gathers
// their results into a report that every output format reads.
package engine

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
)

// Result is one check's verdict on one resource instance or on a whole plan.
type Result struct {
	CheckID      string           `json:"check_id"`
	Title        string           `json:"title"`
	Section      string           `json:"section"`
	Category     string           `json:"category"`
	Severity     check.Severity   `json:"severity"`
	Status       check.Status     `json:"status"`
	Input        string           `json:"input"`
	Address      string           `json:"address"`
	ResourceType string           `json:"resource_type"`
	Message      string           `json:"message"`
	Evidence     []check.Evidence `json:"evidence"`
	Remediation  string           `json:"remediation"`
	Docs         string           `json:"docs"`
	// Change is what the plan does to this result (introduced, existing,
	// resolved, unchanged); empty on an input without a prior world.
	Change Change `json:"change,omitempty"`
	// InBaseline is set on a failure waived because the baseline records it,
	// so that --write-baseline keeps it. Not part of the JSON contract.
	InBaseline bool `json:"-"`
	// Failed is set when the check found a failure, whatever a waiver or
	// the baseline made of it: what the two worlds of a plan are compared
	// on. Not part of the JSON contract.
	Failed bool `json:"-"`
}

// ManualItem is a checklist item that no plan can show (load tests, code
// quality, release process, drills, documentation), and whether the team
// attested it in its configuration. It counts toward neither score nor
// readiness.
type ManualItem struct {
	// Item is the item's stable key, as attest blocks name it.
	Item     string `json:"item"`
	Section  string `json:"section"`
	Attested bool   `json:"attested"`
	By       string `json:"by"`
	On       string `json:"on"`
	// Title and Note are for people (text, HTML); the JSON contract holds
	// item, section, attested, by and on only.
	Title string `json:"-"`
	Note  string `json:"-"`
}

// Input describes one scanned file.
type Input struct {
	Path             string `json:"path"`
	Kind             string `json:"kind"`
	TerraformVersion string `json:"terraform_version"`
	FormatVersion    string `json:"format_version"`
}

// SectionSummary counts results in one checklist section.
type SectionSummary struct {
	Section string `json:"section"`
	Fail    int    `json:"fail"`
	Pass    int    `json:"pass"`
	Unknown int    `json:"unknown"`
	Score   int    `json:"score"`
}

// Summary is the verdict over all results.
type Summary struct {
	Ready    bool             `json:"ready"`
	Score    int              `json:"score"`
	Fail     int              `json:"fail"`
	Pass     int              `json:"pass"`
	Unknown  int              `json:"unknown"`
	Waived   int              `json:"waived"`
	Sections []SectionSummary `json:"sections"`
	// Changes counts introduced, existing and resolved failures; absent
	// when no input has a prior world.
	Changes *ChangeSummary `json:"changes,omitempty"`
}

// Report is everything one run found.
type Report struct {
	Profile string
	FailOn  check.Threshold
	// Gate says which failures decide the verdict (see Blocks).
	Gate    Gate
	Inputs  []Input
	Summary Summary
	Results []Result
	// Errors are problems that did not stop the run (a check that could not
	// judge a resource); unreadable inputs stop the run before a report.
	Errors []string
	// Warnings say what the inputs leave out or cannot know (module calls
	// not read, variables without a value), once each and made safe as
	// errors are: the verdict covers only what was read.
	Warnings []string
	// Invalid is set when a check's own definition proved wrong while it
	// judged (a custom check whose condition cannot be evaluated): the
	// errors say where, and the run is an error, whatever its verdict.
	Invalid bool
	// Checks is the metadata of every check that ran, in catalogue order,
	// as the profile sees it (severity adjusted). Formats that describe
	// rules (SARIF) read it.
	Checks []check.Meta
	// Manual lists every manual checklist item, attested or not.
	Manual []ManualItem
}

// Blocking returns the results that decide the verdict (see Blocks).
func (rep *Report) Blocking() []Result {
	var out []Result
	for _, r := range rep.Results {
		if rep.Blocks(r) {
			out = append(out, r)
		}
	}
	return out
}
