package policy

import (
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/prodready/terraform-provider-readiness/internal/check"
)

// Attestation records that a team checked a manual checklist item.
type Attestation struct {
	Item  string
	By    string
	On    string // YYYY-MM-DD
	Note  string
	Range hcl.Range
}

// manualKeys are the stable keys of the checklist items that no plan can
// show, by section and item text. Keys are forever, as check IDs are.
var manualKeys = map[[2]string]string{
	{"on_call", "Incident response drills"}:                                        "incident_drills",
	{"load_tests", "Load tests at expected and peak traffic"}:                      "load_tests",
	{"quality", "Code quality: tests, reviews and static analysis"}:                "code_quality",
	{"release", "Release process: versioning, changelog and approvals"}:            "release_process",
	{"disaster_recovery", "Restore drills"}:                                        "restore_drills",
	{"documentation", "Service documentation: architecture, dependencies, owners"}: "documentation",
}

// ManualKey is the stable key of a manual checklist item, as attest blocks
// name it.
func ManualKey(it check.ChecklistItem) string {
	if k, ok := manualKeys[[2]string{it.Section, it.Item}]; ok {
		return k
	}
	return it.Section + "_" + slug(it.Item)
}

// ManualItems lists the checklist's manual items, in checklist order.
func ManualItems() []check.ChecklistItem {
	var out []check.ChecklistItem
	for _, it := range check.Checklist {
		if it.Manual() {
			out = append(out, it)
		}
	}
	return out
}

// ManualKeys lists the keys of the manual items, sorted.
func ManualKeys() []string {
	var out []string
	for _, it := range ManualItems() {
		out = append(out, ManualKey(it))
	}
	sort.Strings(out)
	return out
}

// Attestation returns the attestation of the manual item with the given key.
func (p *Policy) Attestation(key string) (Attestation, bool) {
	if p == nil {
		return Attestation{}, false
	}
	a, ok := p.Attestations[key]
	return a, ok
}

func slug(s string) string {
	var b strings.Builder
	under := false
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
			under = false
		} else if !under && b.Len() > 0 {
			b.WriteByte('_')
			under = true
		}
	}
	return strings.TrimSuffix(b.String(), "_")
}
