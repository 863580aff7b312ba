package docgen

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/policy"
)

// TestEveryCheckAnswersAnItem holds each check of the catalogue to at least
// one checklist item, except a team's own checks (section custom).
func TestEveryCheckAnswersAnItem(t *testing.T) {
	t.Parallel()
	for _, c := range checks.All() {
		if len(check.ItemsOf(c.Meta)) == 0 && c.Section != "custom" {
			t.Errorf("check %s (category %s) answers no checklist item: give it an item's category or list it in an item's Checks (internal/check/checklist.go)",
				c.ID, c.Category)
		}
	}
}

// TestListedChecksExist holds every ID an item lists to a check of the
// catalogue (by its ID or a former one).
func TestListedChecksExist(t *testing.T) {
	t.Parallel()
	known := map[string]bool{}
	for _, c := range checks.All() {
		known[c.ID] = true
		for _, a := range c.Aliases {
			known[a] = true
		}
	}
	for _, it := range check.Items {
		for _, id := range it.Checks {
			if !known[id] {
				t.Errorf("item %s lists %s, which is no check of the catalogue", it.Number, id)
			}
		}
	}
}

// TestAttestKeysExist holds every item's attest block to a key
// internal/policy accepts.
func TestAttestKeysExist(t *testing.T) {
	t.Parallel()
	keys := policy.ManualKeys()
	for _, it := range check.Items {
		if it.Attest != "" && !slices.Contains(keys, it.Attest) {
			t.Errorf("item %s names attest block %q; the keys are %v", it.Number, it.Attest, keys)
		}
	}
}

// TestChecklistPage reads the generated table: every item once under its
// section with its status and what answers it; the counts add up; a
// non-manual item no check answers is reported as one, and manual items
// carry their reason.
func TestChecklistPage(t *testing.T) {
	t.Parallel()
	all := checks.All()
	page := string(Pages(all)["docs/checklist.md"])
	answers := check.Answers(all)
	rows := map[string]string{}
	section := ""
	for _, line := range strings.Split(page, "\n") {
		if strings.HasPrefix(line, "## ") {
			section = line
		}
		cells := strings.Split(line, " | ")
		if len(cells) == 6 && strings.HasPrefix(line, "| ") && !strings.HasPrefix(line, "| # |") {
			num := strings.TrimPrefix(cells[0], "| ")
			if _, dup := rows[num]; dup {
				t.Errorf("item %s twice in the page", num)
			}
			rows[num] = section + "\n" + line
		}
	}
	var gaps []string
	for _, a := range answers {
		t.Run(a.Number, func(t *testing.T) {
			row, ok := rows[a.Number]
			if !ok {
				t.Fatalf("item %s is not in the page", a.Number)
			}
			wantSection := fmt.Sprintf("(`%s`)", a.Section)
			if !strings.Contains(row, wantSection) || !strings.Contains(row, "| "+a.Text+" | "+string(a.Status)+" |") {
				t.Errorf("row %q: want it under %s with text %q and status %s", row, wantSection, a.Text, a.Status)
			}
			for _, id := range append(append([]string{}, a.Verifying...), a.Evidence...) {
				if !strings.Contains(row, "[`"+id+"`]") {
					t.Errorf("row %q lacks check %s", row, id)
				}
			}
			switch a.Status {
			case check.ItemManual:
				if !strings.Contains(row, "manual: "+a.Manual) {
					t.Errorf("manual row %q lacks its reason", row)
				}
			case check.ItemUnchecked:
				if !strings.Contains(row, "no check yet") {
					t.Errorf("row %q: an item no check answers must say so", row)
				}
			}
		})
		if a.Status == check.ItemUnchecked {
			gaps = append(gaps, a.Number)
		}
	}
	count := check.Count(answers)
	for _, s := range check.ItemStatuses {
		if !strings.Contains(page, fmt.Sprintf("| %s | %d |", s, count[s])) {
			t.Errorf("the summary lacks %d %s", count[s], s)
		}
	}
	t.Logf("checklist: %v; not checked yet: %s", count, strings.Join(gaps, " "))
}
