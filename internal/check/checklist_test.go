package check

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestItemsAreWellFormed holds every item to a number in its section's
// place, a known section, a text, known categories, and a manual reason that
// excludes checks.
func TestItemsAreWellFormed(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, it := range Items {
		t.Run(it.Number, func(t *testing.T) {
			t.Parallel()
			if it.Number == "" || it.Text == "" || it.Section == "" {
				t.Fatalf("item %+v lacks a number, a text or a section", it)
			}
			if !KnownSection(it.Section) || it.Section == "custom" {
				t.Errorf("section %q is not one of the checklist's eleven", it.Section)
			}
			want := fmt.Sprint(slices.Index(Sections, it.Section)+1) + "."
			if !strings.HasPrefix(it.Number, want) {
				t.Errorf("number %s does not start with %s, its section %s's place", it.Number, want, it.Section)
			}
			if strings.HasSuffix(it.Text, ".") || strings.Contains(it.Text, "*") {
				t.Errorf("text %q: the checklist's words, without a full stop or markdown", it.Text)
			}
			for _, c := range it.Categories {
				if !KnownCategory(c) {
					t.Errorf("category %q is not in Categories", c)
				}
			}
			if it.Manual != "" && (len(it.Categories) > 0 || len(it.Checks) > 0 || it.Rest != "") {
				t.Errorf("manual item has categories %v, checks %v or a rest %q: code cannot show it, so nothing answers it",
					it.Categories, it.Checks, it.Rest)
			}
			if it.Manual != "" && it.Attest == "" {
				t.Error("manual item names no attest block")
			}
			if len(it.Checks) > 0 && !slices.IsSorted(it.Checks) {
				t.Errorf("checks %v: keep them sorted", it.Checks)
			}
		})
		if seen[it.Number] {
			t.Errorf("number %s twice", it.Number)
		}
		seen[it.Number] = true
	}
	if _, ok := SectionTitles["custom"]; !ok {
		t.Error("SectionTitles lacks custom")
	}
	for _, s := range Sections {
		if SectionTitles[s] == "" {
			t.Errorf("section %s has no title", s)
		}
	}
}

// TestItemsAreNumberedInOrder holds the list to 1.1, 1.2, … with no gap
// and sections in the order of Sections, 50 items in 11 sections.
func TestItemsAreNumberedInOrder(t *testing.T) {
	t.Parallel()
	var got, want []string
	sec, pos := 0, 0
	for _, it := range Items {
		got = append(got, it.Number)
		if n := slices.Index(Sections, it.Section) + 1; n != sec {
			sec, pos = n, 0
		}
		pos++
		want = append(want, fmt.Sprintf("%d.%d", sec, pos))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("numbers (-want +got):\n%s", diff)
	}
	if len(Items) != 50 || sec != 11 {
		t.Errorf("%d items ending in section %d, want 50 in 11", len(Items), sec)
	}
}

// TestItemsMatchTheChecklist compares the items with the checklist's own
// numbers and words in ../shared/CHECKLIST-EVIDENCE.md, where the shared
// research lives beside the repository.
func TestItemsMatchTheChecklist(t *testing.T) {
	t.Parallel()
	path := filepath.Join("..", "..", "..", "shared", "CHECKLIST-EVIDENCE.md")
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("%s is absent: the shared checklist research is not beside this repository", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile(`(?m)^\| (\d+\.\d+) \| ([^|]+?) \|`)
	want := map[string]string{}
	var order []string
	for _, m := range row.FindAllStringSubmatch(string(data), -1) {
		want[m[1]] = strings.ReplaceAll(m[2], "**", "")
		order = append(order, m[1])
	}
	got := map[string]string{}
	var gotOrder []string
	for _, it := range Items {
		got[it.Number] = it.Text
		gotOrder = append(gotOrder, it.Number)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("items against %s (-checklist +Items):\n%s", path, diff)
	}
	if diff := cmp.Diff(order, gotOrder); diff != "" {
		t.Errorf("order against %s (-checklist +Items):\n%s", path, diff)
	}
}

func TestAnswers(t *testing.T) {
	t.Parallel()
	meta := func(id, category string, evidence bool, aliases ...string) Check {
		return Check{Meta: Meta{ID: id, Category: category, Evidence: evidence, Aliases: aliases}}
	}
	type want struct {
		status    ItemStatus
		verifying []string
		evidence  []string
	}
	tests := map[string]struct {
		checks []Check
		items  map[string]want // by number; the rest are checked by status only
	}{
		"no checks": {
			items: map[string]want{
				"4.3": {status: ItemUnchecked}, "7.1": {status: ItemManual}, "9.1": {status: ItemUnchecked},
			},
		},
		"by category": {
			checks: []Check{meta("x_multi_az", "multi_az", false)},
			items:  map[string]want{"4.3": {ItemVerified, []string{"x_multi_az"}, nil}, "4.4": {status: ItemUnchecked}},
		},
		"a category on two items": {
			checks: []Check{meta("x_tracing", "tracing", false)},
			items: map[string]want{
				"5.2": {ItemPartly, []string{"x_tracing"}, nil}, // 5.2 leaves propagation to attest
				"5.4": {ItemVerified, []string{"x_tracing"}, nil},
			},
		},
		"listed by ID answers only where listed": {
			checks: []Check{meta("aws_log_group_retention", "logging", false), meta("x_logs", "logging", false)},
			items: map[string]want{
				"1.3": {ItemVerified, []string{"aws_log_group_retention"}, nil},
				"5.3": {ItemVerified, []string{"aws_log_group_retention", "x_logs"}, nil},
			},
		},
		"listed outside its category": {
			checks: []Check{meta("aws_cloudtrail_multi_region", "logging", false)},
			items: map[string]want{
				"5.3":  {ItemVerified, []string{"aws_cloudtrail_multi_region"}, nil},
				"10.3": {ItemPartly, []string{"aws_cloudtrail_multi_region"}, nil},
			},
		},
		"listed by a former ID": {
			checks: []Check{meta("lb_5xx", "alarm", false, "aws_lb_5xx_alarm")},
			items: map[string]want{
				"1.1": {ItemVerified, []string{"lb_5xx"}, nil},
				"1.2": {ItemPartly, []string{"lb_5xx"}, nil},
			},
		},
		"evidence only": {
			checks: []Check{meta("x_response_plan", "incident_response", true)},
			items:  map[string]want{"2.3": {ItemEvidence, nil, []string{"x_response_plan"}}},
		},
		"evidence beside a verifying check": {
			checks: []Check{meta("x_scan", "image_scanning", false), meta("x_inspector", "image_scanning", true)},
			items:  map[string]want{"7.7": {ItemVerified, []string{"x_scan"}, []string{"x_inspector"}}},
		},
		"a rest left makes it partly": {
			checks: []Check{meta("x_limits", "resource_limits", false)},
			items:  map[string]want{"4.7": {ItemPartly, []string{"x_limits"}, nil}},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := Answers(tt.checks)
			if len(got) != len(Items) {
				t.Fatalf("%d answers for %d items", len(got), len(Items))
			}
			for _, a := range got {
				w, ok := tt.items[a.Number]
				if !ok {
					continue
				}
				if a.Status != w.status {
					t.Errorf("%s: status %s, want %s", a.Number, a.Status, w.status)
				}
				if w.status == ItemManual || w.status == ItemUnchecked {
					continue
				}
				if diff := cmp.Diff(orNone(w.verifying), a.Verifying); diff != "" {
					t.Errorf("%s verifying (-want +got):\n%s", a.Number, diff)
				}
				if diff := cmp.Diff(orNone(w.evidence), a.Evidence); diff != "" {
					t.Errorf("%s evidence (-want +got):\n%s", a.Number, diff)
				}
			}
			count := Count(got)
			sum := 0
			for _, s := range ItemStatuses {
				sum += count[s]
			}
			if sum != len(Items) {
				t.Errorf("counts %v sum to %d, want %d", count, sum, len(Items))
			}
		})
	}
}

func TestItemsOf(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		meta Meta
		want []string
	}{
		"category":           {Meta{ID: "x", Category: "backup"}, []string{"9.1"}},
		"listed":             {Meta{ID: "aws_sqs_dlq_depth_alarm", Category: "alarm"}, []string{"1.2"}},
		"listed twice":       {Meta{ID: "aws_log_group_retention", Category: "logging"}, []string{"1.3", "5.3"}},
		"no item":            {Meta{ID: "x", Category: "check_block"}, nil},
		"category of two":    {Meta{ID: "x", Category: "runbook"}, []string{"2.1", "2.2", "11.3"}},
		"former ID listed":   {Meta{ID: "y", Aliases: []string{"instance_tiny_size"}, Category: "instance_choice"}, []string{"4.1", "4.2"}},
		"category item only": {Meta{ID: "instance_gpu_unrequested", Category: "instance_choice"}, []string{"4.1"}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tt.want, ItemsOf(tt.meta)); diff != "" {
				t.Errorf("ItemsOf (-want +got):\n%s", diff)
			}
		})
	}
}

func orNone(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
