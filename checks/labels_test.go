package checks

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/input"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// realFixtures are plans written by others, with labelled expectations,
// beside the project (never copied into it).
const realFixtures = "../../shared/fixtures/real"

type label struct {
	file, address, category, expected, evidence string
}

func readLabels(t *testing.T) []label {
	t.Helper()
	f, err := os.Open(filepath.Join(realFixtures, "labels.tsv"))
	if err != nil {
		t.Skipf("real fixtures not available (%v): skipping; they live in ../shared beside the project", err)
	}
	defer f.Close()
	var out []label
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for first := true; sc.Scan(); first = false {
		cols := strings.Split(sc.Text(), "\t")
		if first || len(cols) < 4 {
			continue
		}
		l := label{file: cols[0], address: cols[1], category: cols[2], expected: cols[3]}
		if len(cols) > 4 {
			l.evidence = cols[4]
		}
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// resourceType extracts the type from a resource instance address.
func resourceType(address string) string {
	a, err := model.ParseAddress(address)
	if err != nil {
		return ""
	}
	return a.Type()
}

// covered reports whether some registered check judges this category for
// this resource type.
func covered(all []check.Check, typ, category string) bool {
	for _, c := range all {
		if c.Category != category {
			continue
		}
		for _, rt := range c.ResourceTypes {
			if rt == typ {
				return true
			}
		}
	}
	return false
}

type tally struct{ failRows, found, okRows, falseFails, outOfScope int }

// disputed lists the labelled rows where the catalogue deliberately
// disagrees with the label, and why. They still count in the figures.
var disputed = map[string]string{}

// Goals from the catalogue's issue: recall of labelled failures and the
// share of pass/unknown rows reported as failures.
const (
	minRecall    = 0.95
	maxFalseFail = 0.03
)

// TestRealFixtures scans every real plan and scores the findings against
// labels.tsv for the resource types and categories the catalogue covers:
// every labelled failure must be found, and no pass or unknown row may be
// reported as a failure. Rows labelled "either" are judgement calls.
func TestRealFixtures(t *testing.T) {
	labels := readLabels(t)
	all := All()
	prof, _ := profile.Lookup(profile.Default)
	files, _ := filepath.Glob(filepath.Join(realFixtures, "*.json"))
	statuses := map[string][]check.Status{} // file|address|category
	for _, path := range files {
		p, err := input.Read(path)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		rep := engine.Run([]*model.Plan{p}, all, engine.Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh)})
		for _, e := range rep.Errors {
			t.Errorf("%s", e)
		}
		for _, r := range rep.Results {
			key := filepath.Base(path) + "|" + r.Address + "|" + r.Category
			statuses[key] = append(statuses[key], r.Status)
		}
	}
	perCategory := map[string]*tally{}
	for _, l := range labels {
		if l.expected == "either" {
			continue
		}
		tl := perCategory[l.category]
		if tl == nil {
			tl = &tally{}
			perCategory[l.category] = tl
		}
		if !covered(all, resourceType(l.address), l.category) {
			tl.outOfScope++
			continue
		}
		key := l.file + "|" + l.address + "|" + l.category
		got := statuses[key]
		complain := t.Errorf
		if reason, ok := disputed[key]; ok {
			complain = func(format string, args ...any) { t.Logf(format+" [disputed: "+reason+"]", args...) }
		}
		failed := false
		for _, s := range got {
			failed = failed || s == check.StatusFail
		}
		switch l.expected {
		case "fail":
			tl.failRows++
			if failed {
				tl.found++
			} else {
				complain("missed failure: %s %s [%s] (got %v; label: %s)", l.file, l.address, l.category, got, l.evidence)
			}
		case "pass", "unknown":
			tl.okRows++
			if failed {
				tl.falseFails++
				complain("false failure: %s %s [%s] labelled %s (label: %s)", l.file, l.address, l.category, l.expected, l.evidence)
			}
		}
	}
	var cats []string
	for c := range perCategory {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	var sum tally
	report := []string{fmt.Sprintf("%-22s %9s %12s %10s", "category", "recall", "false-fail", "unscored")}
	for _, c := range cats {
		tl := perCategory[c]
		sum.failRows += tl.failRows
		sum.found += tl.found
		sum.okRows += tl.okRows
		sum.falseFails += tl.falseFails
		sum.outOfScope += tl.outOfScope
		report = append(report, fmt.Sprintf("%-22s %4d/%-4d %7d/%-4d %10d", c, tl.found, tl.failRows, tl.falseFails, tl.okRows, tl.outOfScope))
	}
	report = append(report, fmt.Sprintf("%-22s %4d/%-4d %7d/%-4d %10d", "total", sum.found, sum.failRows, sum.falseFails, sum.okRows, sum.outOfScope))
	t.Logf("labels.tsv scored against the catalogue:\n%s", strings.Join(report, "\n"))
	if sum.failRows > 0 && float64(sum.found)/float64(sum.failRows) < minRecall {
		t.Errorf("recall %d/%d is below %.0f%%", sum.found, sum.failRows, minRecall*100)
	}
	if sum.okRows > 0 && float64(sum.falseFails)/float64(sum.okRows) > maxFalseFail {
		t.Errorf("false failures %d/%d are above %.0f%%", sum.falseFails, sum.okRows, maxFalseFail*100)
	}
}
