package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/input"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
	"github.com/prodready/terraform-provider-readiness/internal/report"
)

// BenchmarkPriorWorld reports what judging the world before a plan costs
// (issue 13: at most 30% more time and memory than judging the planned
// world alone): reading a plan, judging it with every check and writing the
// JSON report, each in a fresh process, with the prior world and without
// (engine.Options.PlannedOnly), as ratios of wall time and peak resident
// memory. Two mixes of actions: genplan's own (86% created, the rest
// updated, unchanged, replaced or deleted), and "existing", where every
// resource existed before (each create rewritten as a no-op from the values
// it plans), so that the prior world is as large as the planned one.
func BenchmarkPriorWorld(b *testing.B) {
	for _, n := range []int{10000, 50000} {
		for _, mix := range []string{"genplan", "existing"} {
			b.Run(fmt.Sprintf("%d/%s", n, mix), func(b *testing.B) {
				path, _ := plan(b, n)
				if mix == "existing" {
					path = variant(b, path, "existing", allExisting)
				}
				var with, without usage
				for b.Loop() {
					without.add(child(b, "judge-planned", path))
					with.add(child(b, "judge", path))
				}
				b.ReportMetric(float64(with.wall)/float64(without.wall), "time-ratio")
				b.ReportMetric(float64(with.peak)/float64(without.peak), "peakRSS-ratio")
			})
		}
	}
}

// judge reads the plan at path, judges it with every check (in its planned
// world alone, or in both) and writes the JSON report to nowhere.
func judge(path string, plannedOnly bool) error {
	p, err := input.Read(path)
	if err != nil {
		return err
	}
	prof, err := profile.Lookup(profile.Default)
	if err != nil {
		return err
	}
	rep := engine.Run([]*model.Plan{p}, checks.All(), engine.Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh), PlannedOnly: plannedOnly})
	f, err := report.Lookup("json", report.Options{})
	if err != nil {
		return err
	}
	return f.Write(io.Discard, rep)
}

// change is the part of a resource change the variants rewrite.
type change = map[string]any

// allExisting makes every create a no-op from the values it plans, as if
// each resource had existed before with them: an existing workspace whose
// plan changes a few resources (genplan's updates, replacements and
// deletions) and leaves the rest alone.
func allExisting(_ map[string]any, ch change) bool {
	if acts, _ := ch["actions"].([]any); len(acts) == 1 && acts[0] == "create" {
		// Nothing of a resource that exists is known only after apply:
		// the values the create left unknown are simply absent.
		ch["actions"] = []any{"no-op"}
		ch["before"], ch["before_sensitive"] = ch["after"], ch["after_sensitive"]
		ch["after_unknown"] = map[string]any{}
	}
	return true
}

// variant writes, once, a copy of the plan at path whose resource changes
// rewrite has rewritten, and returns its path.
func variant(b *testing.B, path, name string, rewrite func(rc map[string]any, ch change) bool) string {
	b.Helper()
	out := strings.TrimSuffix(path, ".json") + "_" + name + ".json"
	if _, err := os.Stat(out); err == nil {
		return out
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	dec := json.NewDecoder(bufio.NewReader(f))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		b.Fatal(err)
	}
	changes, _ := doc["resource_changes"].([]any)
	kept := changes[:0]
	for _, e := range changes {
		rc, _ := e.(map[string]any)
		ch, _ := rc["change"].(map[string]any)
		if rc != nil && ch != nil && rewrite(rc, ch) {
			kept = append(kept, rc)
		}
	}
	doc["resource_changes"] = kept
	delete(doc, "prior_state")
	tmp, err := os.CreateTemp(filepath.Dir(out), filepath.Base(out)+".tmp*")
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(tmp)
	if err := json.NewEncoder(w).Encode(doc); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := tmp.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		b.Fatal(err)
	}
	return out
}
